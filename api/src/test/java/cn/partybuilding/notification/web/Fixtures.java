package cn.partybuilding.notification.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Gender;
import cn.partybuilding.member.MemberCategory;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;

/**
 * Org units and members for the notifier's tests, each with fresh ids and phone numbers.
 */
final class Fixtures {

	static final String PASSWORD = "Notify#2026";

	private static volatile String hash;

	private final OrgTree tree;

	private final Members members;

	private final Accounts accounts;

	private final Passwords passwords;

	private final DatabaseClient db;

	Fixtures(OrgTree tree, Members members, Accounts accounts, Passwords passwords, DatabaseClient db) {
		this.tree = tree;
		this.members = members;
		this.accounts = accounts;
		this.passwords = passwords;
		this.db = db;
	}

	UUID committee() {
		UUID id = Ids.newId();
		this.tree.add(id, null, "测试区委", OrgType.COMMITTEE, null).block(Duration.ofSeconds(10));
		return id;
	}

	UUID branch(UUID parent) {
		UUID id = Ids.newId();
		this.tree.add(id, parent, "测试支部", OrgType.BRANCH, null).block(Duration.ofSeconds(10));
		return id;
	}

	Member member(UUID branch, LocalDate joinedPartyOn) {
		return member(branch, joinedPartyOn, "王建国");
	}

	Member member(UUID branch, LocalDate joinedPartyOn, String name) {
		UUID id = Ids.newId();
		String phone = Api.newPhone();
		this.members
			.register(new NewMember(id, branch, name, phone, Gender.MALE, joinedPartyOn.minusYears(25), joinedPartyOn,
					joinedPartyOn.plusYears(1), MemberCategory.IN_SERVICE, hash()))
			.block(Duration.ofSeconds(10));
		return new Member(id, phone, branch);
	}

	Member secretary(UUID branch) {
		Member secretary = member(branch, LocalDate.of(1990, 1, 15), "李书记");
		this.accounts.grant(secretary.id(), Role.SECRETARY, branch).block(Duration.ofSeconds(10));
		return secretary;
	}

	void setStatus(UUID member, String status) {
		this.db.sql("UPDATE members SET status = :status WHERE id = :id")
			.bind("status", status)
			.bind("id", member)
			.then()
			.block(Duration.ofSeconds(10));
	}

	private String hash() {
		if (hash == null) {
			hash = this.passwords.hash(PASSWORD).block(Duration.ofSeconds(10));
		}
		return hash;
	}

	record Member(UUID id, String phone, UUID branchId) {

		String login(Api api) {
			return api.login(this.phone, PASSWORD);
		}

	}

}
