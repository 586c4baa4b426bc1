/** Activities (三会一课, 主题党日, 组织生活会 …): planning, approval, who is invited, listing. */
@NullMarked
package cn.partybuilding.activity;

import org.jspecify.annotations.NullMarked;
