package cn.partybuilding.base;

/**
 * What a base is about: 基础型, 红色型 (revolutionary heritage), 公益型 (public welfare), 科技型
 * (technology).
 */
public enum BaseType {

	BASIC, RED, PUBLIC_WELFARE, TECH

}
