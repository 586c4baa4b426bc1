package cn.partybuilding.points.core;

/** The 民主评议 grade of a member for a year. */
public enum Grade {

	/** 优秀. */
	EXCELLENT,

	/** 合格. */
	QUALIFIED,

	/** 基本合格. */
	BASIC,

	/** 不合格. */
	UNQUALIFIED

}
