package cn.partybuilding.activity;

/** 支部党员大会, 支委会, 党小组会, 党课 (三会一课), 主题党日, 组织生活会, or anything else. */
public enum ActivityType {

	BRANCH_ASSEMBLY, COMMITTEE_MEETING, GROUP_MEETING, PARTY_LECTURE, THEME_DAY, ORG_LIFE, OTHER

}
