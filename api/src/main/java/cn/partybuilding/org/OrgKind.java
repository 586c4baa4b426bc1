package cn.partybuilding.org;

/**
 * What an org unit is organized around: a community, a grid or building, the "four bonds"
 * (interest, trade, residence, shared goals), a project (支部建在项目上), the network (网络党支部) or
 * an employer.
 */
public enum OrgKind {

	COMMUNITY, GRID, BUILDING, INTEREST, TRADE, RESIDENCE, GOAL, PROJECT, NETWORK, ENTERPRISE, ORGAN, SCHOOL, VILLAGE

}
