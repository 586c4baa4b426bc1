/**
 * The organization tree (组织): committees, general branches, branches and groups, each
 * knowing its ancestors.
 */
@NullMarked
package cn.partybuilding.org;

import org.jspecify.annotations.NullMarked;
