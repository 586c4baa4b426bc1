package cn.partybuilding.test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Gender;
import cn.partybuilding.member.MemberCategory;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.org.OrgKind;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.security.TokenIssuer;
import cn.partybuilding.system.Ids;

/**
 * A small district of its own for a test, with people in every role and people from
 * elsewhere, all logged in. <pre>
 * committee ── community (COMMUNITY) ──┬── branchA: memberA, memberA2, secretaryA
 *     orgAdmin                         └── branchB: memberB, secretaryB
 * otherCommittee ── otherBranch: foreignSecretary, foreignMember
 *     foreignOrgAdmin
 * </pre>
 */
public final class TestDistrict {

	public static final String PASSWORD = "District#2026";

	private static volatile String passwordHash;

	public final UUID committee;

	public final UUID community;

	public final UUID branchA;

	public final UUID branchB;

	public final UUID otherCommittee;

	public final UUID otherBranch;

	public final Person memberA;

	public final Person memberA2;

	public final Person secretaryA;

	public final Person memberB;

	public final Person secretaryB;

	public final Person orgAdmin;

	public final Person foreignSecretary;

	public final Person foreignMember;

	public final Person foreignOrgAdmin;

	public final Person sysAdmin;

	private final ApplicationContext context;

	TestDistrict(ApplicationContext context, Api api) {
		this.context = context;
		OrgTree tree = context.getBean(OrgTree.class);
		this.committee = unit(tree, null, "测试区委", OrgType.COMMITTEE, null);
		this.community = unit(tree, this.committee, "测试社区党委", OrgType.GENERAL_BRANCH, OrgKind.COMMUNITY);
		this.branchA = unit(tree, this.community, "测试第一支部", OrgType.BRANCH, OrgKind.GRID);
		this.branchB = unit(tree, this.community, "测试第二支部", OrgType.BRANCH, OrgKind.GRID);
		this.otherCommittee = unit(tree, null, "邻区区委", OrgType.COMMITTEE, null);
		this.otherBranch = unit(tree, this.otherCommittee, "邻区支部", OrgType.BRANCH, OrgKind.GRID);
		// Tokens come from the application's own issuer with the roles a login would
		// give: real tokens, without
		// paying for nine password checks per test.
		this.memberA = person(this.branchA, "甲党员", null, null);
		this.memberA2 = person(this.branchA, "甲二党员", null, null);
		this.secretaryA = person(this.branchA, "甲书记", Role.SECRETARY, this.branchA);
		this.memberB = person(this.branchB, "乙党员", null, null);
		this.secretaryB = person(this.branchB, "乙书记", Role.SECRETARY, this.branchB);
		this.orgAdmin = person(this.branchA, "区组织员", Role.ORG_ADMIN, this.committee);
		this.foreignSecretary = person(this.otherBranch, "邻区书记", Role.SECRETARY, this.otherBranch);
		this.foreignMember = person(this.otherBranch, "邻区党员", null, null);
		this.foreignOrgAdmin = person(this.otherBranch, "邻区组织员", Role.ORG_ADMIN, this.otherCommittee);
		this.sysAdmin = new Person(null, Api.ADMIN_PHONE, api.loginAsAdmin());
	}

	/** A district outside the test instance scope (integration tests autowire theirs). */
	public static TestDistrict create(ApplicationContext context, WebTestClient client) {
		return new TestDistrict(context, new Api(client));
	}

	/** Another member of a branch, logged in. */
	public Person newMember(UUID branch, String name) {
		return person(branch, name, null, null);
	}

	/** Another member of a branch holding {@code role} in {@code scope}, logged in. */
	public Person newPerson(UUID branch, String name, Role role, UUID scope) {
		return person(branch, name, role, scope);
	}

	/**
	 * {@code count} more members of a branch, logged in, registered a few at a time (for
	 * crowds).
	 */
	public List<Person> newMembers(UUID branch, String name, int count) {
		Members members = this.context.getBean(Members.class);
		TokenIssuer issuer = this.context.getBean(TokenIssuer.class);
		List<NewMember> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			created
				.add(new NewMember(Ids.newId(), branch, name + i, Api.newPhone(), Gender.MALE, LocalDate.of(1980, 1, 1),
						LocalDate.of(2005, 7, 1), LocalDate.of(2006, 7, 1), MemberCategory.IN_SERVICE, null));
		}
		Flux.fromIterable(created).flatMap(members::register, 8).blockLast(Duration.ofMinutes(1));
		return created.stream()
			.map((member) -> new Person(member.id(), member.phone(),
					issuer.issue(member.id(), branch, List.of(new RoleGrant(Role.MEMBER, branch)), UUID.randomUUID())
						.value()))
			.toList();
	}

	private UUID unit(OrgTree tree, UUID parent, String name, OrgType type, OrgKind kind) {
		return tree.add(Ids.newId(), parent, name, type, kind).block(Duration.ofSeconds(10)).id();
	}

	private Person person(UUID branch, String name, Role role, UUID scope) {
		UUID id = Ids.newId();
		String phone = Api.newPhone();
		NewMember member = new NewMember(id, branch, name, phone, Gender.FEMALE, LocalDate.of(1980, 5, 20),
				LocalDate.of(2005, 7, 1), LocalDate.of(2006, 7, 1), MemberCategory.IN_SERVICE, hash());
		this.context.getBean(Members.class).register(member).block(Duration.ofSeconds(10));
		List<RoleGrant> roles = new ArrayList<>(List.of(new RoleGrant(Role.MEMBER, branch)));
		if (role != null) {
			this.context.getBean(Accounts.class).grant(id, role, scope).block(Duration.ofSeconds(10));
			roles.add(new RoleGrant(role, scope));
		}
		String token = this.context.getBean(TokenIssuer.class).issue(id, branch, roles, UUID.randomUUID()).value();
		return new Person(id, phone, token);
	}

	private String hash() {
		String hash = passwordHash;
		if (hash == null) {
			hash = this.context.getBean(Passwords.class).hash(PASSWORD).block(Duration.ofSeconds(10));
			passwordHash = hash;
		}
		return hash;
	}

	/**
	 * Someone of the district, logged in.
	 *
	 * @param id the member id ({@code null} for the system administrator)
	 * @param phone the phone number
	 * @param token a valid access token
	 */
	public record Person(UUID id, String phone, String token) {
	}

}
