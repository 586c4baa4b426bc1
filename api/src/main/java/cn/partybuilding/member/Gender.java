package cn.partybuilding.member;

/** As on the member's record. */
public enum Gender {

	MALE, FEMALE

}
