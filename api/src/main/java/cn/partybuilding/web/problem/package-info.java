/**
 * One error model: domain exceptions with stable codes become RFC 9457 problems,
 * localized, in one place.
 */
@NullMarked
package cn.partybuilding.web.problem;

import org.jspecify.annotations.NullMarked;
