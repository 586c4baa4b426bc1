package cn.partybuilding.org;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scope: a role covers its unit and everything below; outside is 404, inside without the
 * right role 403.
 */
class AccessPolicyTests {

	final UUID committee = UUID.randomUUID();

	final UUID community = UUID.randomUUID();

	final UUID branch = UUID.randomUUID();

	final UUID otherBranch = UUID.randomUUID();

	final OrgUnit committeeUnit = new OrgUnit(this.committee, null, "区委", OrgType.COMMITTEE, null, List.of());

	final OrgUnit communityUnit = new OrgUnit(this.community, this.committee, "社区", OrgType.GENERAL_BRANCH, null,
			List.of(this.committee));

	final OrgUnit branchUnit = new OrgUnit(this.branch, this.community, "支部", OrgType.BRANCH, null,
			List.of(this.committee, this.community));

	final OrgUnit otherBranchUnit = new OrgUnit(this.otherBranch, this.community, "另一支部", OrgType.BRANCH, null,
			List.of(this.committee, this.community));

	final AccessPolicy policy = new AccessPolicy(null);

	@Test
	void aRoleCoversItsUnitAndEverythingBelowButNothingAbove() {
		Caller admin = caller(new RoleGrant(Role.ORG_ADMIN, this.community));
		assertThat(AccessPolicy.covers(admin, this.communityUnit, Role.ORG_ADMIN)).isTrue();
		assertThat(AccessPolicy.covers(admin, this.branchUnit, Role.ORG_ADMIN)).isTrue();
		assertThat(AccessPolicy.covers(admin, this.committeeUnit, Role.ORG_ADMIN)).isFalse();
	}

	@Test
	void aUnitOutsideEveryRoleIsNotFound() {
		Caller secretary = caller(new RoleGrant(Role.MEMBER, this.branch), new RoleGrant(Role.SECRETARY, this.branch));
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.policy.check(secretary, this.otherBranchUnit, Role.SECRETARY))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void aVisibleUnitWithoutTheAllowedRoleIsForbidden() {
		Caller member = caller(new RoleGrant(Role.MEMBER, this.branch));
		assertThat(this.policy.check(member, this.branchUnit, Role.MEMBER)).isEqualTo(this.branchUnit);
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.policy.check(member, this.branchUnit, Role.SECRETARY))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN));
	}

	@Test
	void aBaseAdminScopeDoesNotCoverOrgUnitsWithTheSameId() {
		Caller baseAdmin = caller(new RoleGrant(Role.BASE_ADMIN, this.branch));
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.policy.check(baseAdmin, this.branchUnit, Role.BASE_ADMIN))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
	}

	@Test
	void theSystemAdministratorIsAllowedEverything() {
		Caller sysAdmin = caller(new RoleGrant(Role.SYS_ADMIN, null));
		assertThat(this.policy.check(sysAdmin, this.otherBranchUnit, Role.SECRETARY)).isEqualTo(this.otherBranchUnit);
	}

	private static Caller caller(RoleGrant... grants) {
		return new Caller(UUID.randomUUID(), null, List.of(grants), null);
	}

}
