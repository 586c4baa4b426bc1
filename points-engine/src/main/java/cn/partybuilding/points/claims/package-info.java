/**
 * Bonus claims: a member claims a bonus item with evidence, a secretary approves or
 * rejects it.
 */
@NullMarked
package cn.partybuilding.points.claims;

import org.jspecify.annotations.NullMarked;
