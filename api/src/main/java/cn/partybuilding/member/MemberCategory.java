package cn.partybuilding.member;

/** 在职 in service, 离退休 retired, 流动 mobile, 无职 without a post. */
public enum MemberCategory {

	IN_SERVICE, RETIRED, MOBILE, NO_POST

}
