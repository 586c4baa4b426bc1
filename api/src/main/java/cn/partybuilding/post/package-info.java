/**
 * 无职党员设岗定责: duty posts of an org unit, assigned to members of its subtree, shown on their
 * profile.
 */
@NullMarked
package cn.partybuilding.post;

import org.jspecify.annotations.NullMarked;
