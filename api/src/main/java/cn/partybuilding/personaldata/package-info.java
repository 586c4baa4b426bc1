/**
 * Personal data at rest: phone numbers encrypted with the row id bound in, found by a
 * keyed blind index, masked.
 */
@NullMarked
package cn.partybuilding.personaldata;

import org.jspecify.annotations.NullMarked;
