/**
 * Party members (党员): profile, branch membership, status and category, 双报到 registration.
 */
@NullMarked
package cn.partybuilding.member;

import org.jspecify.annotations.NullMarked;
