/**
 * Who is ranked and evaluated where: the members with their branch and its place in the
 * org tree.
 */
@NullMarked
package cn.partybuilding.points.roster;

import org.jspecify.annotations.NullMarked;
