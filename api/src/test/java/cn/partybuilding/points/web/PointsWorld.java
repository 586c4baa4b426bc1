package cn.partybuilding.points.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Gender;
import cn.partybuilding.member.MemberCategory;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.intake.PointsIntake;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;

/**
 * Test data of the points tests: fresh org units and members (registered through the
 * member feature, so they are on the points roster), logins, events recorded through the
 * intake, and the sums the ledger promises.
 */
public final class PointsWorld {

	public static final String PASSWORD = "Points#Test2026";

	private final OrgTree tree;

	private final Members members;

	private final Accounts accounts;

	private final PointsIntake intake;

	private final TransactionalOperator transactions;

	private final DatabaseClient db;

	private final Api api;

	private final String hash;

	public PointsWorld(ApplicationContext context, WebTestClient client) {
		this.tree = context.getBean(OrgTree.class);
		this.members = context.getBean(Members.class);
		this.accounts = context.getBean(Accounts.class);
		this.intake = context.getBean(PointsIntake.class);
		this.transactions = context.getBean(TransactionalOperator.class);
		this.db = context.getBean(DatabaseClient.class);
		this.api = new Api(client);
		this.hash = context.getBean(Passwords.class).hash(PASSWORD).block();
	}

	public Api api() {
		return this.api;
	}

	public DatabaseClient db() {
		return this.db;
	}

	public OrgUnit committee() {
		return this.tree.add(Ids.newId(), null, "测试区委", OrgType.COMMITTEE, null).block();
	}

	public OrgUnit generalBranch(OrgUnit parent) {
		return this.tree.add(Ids.newId(), parent.id(), "测试党总支", OrgType.GENERAL_BRANCH, null).block();
	}

	public OrgUnit branch(OrgUnit parent) {
		return this.tree.add(Ids.newId(), parent.id(), "测试党支部", OrgType.BRANCH, null).block();
	}

	public Person member(OrgUnit branch, String name) {
		UUID id = Ids.newId();
		String phone = Api.newPhone();
		this.members
			.register(new NewMember(id, branch.id(), name, phone, Gender.FEMALE, LocalDate.of(1985, 3, 1),
					LocalDate.of(2010, 7, 1), LocalDate.of(2011, 7, 1), MemberCategory.IN_SERVICE, this.hash))
			.block();
		return new Person(id, phone, name, branch.id());
	}

	public Person member(OrgUnit branch) {
		return member(branch, "党员" + Ids.newId().toString().substring(30));
	}

	public Person secretary(OrgUnit branch) {
		Person person = member(branch, "书记" + Ids.newId().toString().substring(30));
		this.accounts.grant(person.id(), Role.SECRETARY, branch.id()).block();
		return person;
	}

	/** An administrator of {@code org}, a member of a branch of its own below it. */
	public Person orgAdmin(OrgUnit org) {
		Person person = member(branch(org), "组织员");
		this.accounts.grant(person.id(), Role.ORG_ADMIN, org.id()).block();
		return person;
	}

	public String login(Person person) {
		return this.api.login(person.phone(), PASSWORD);
	}

	/** Records the event in a transaction of its own, as a feature would in its own. */
	public void record(PointsEvent event) {
		this.intake.record(event).as(this.transactions::transactional).block();
	}

	public Mono<Void> recordLater(PointsEvent event) {
		return this.intake.record(event).as(this.transactions::transactional);
	}

	/** The sum of the member's entries of the year. */
	public BigDecimal ledgerSum(UUID memberId, int year) {
		return this.db.sql("SELECT coalesce(sum(points), 0) AS s FROM points_ledger WHERE member_id = :m AND year = :y")
			.bind("m", memberId)
			.bind("y", year)
			.map((row) -> row.get("s", BigDecimal.class))
			.one()
			.block();
	}

	/** The member's balance row of the year, {@code null} without one. */
	public @Nullable Map<String, BigDecimal> balance(UUID memberId, int year) {
		return this.db
			.sql("SELECT basic, bonus, deduction, total FROM points_balances WHERE member_id = :m AND year = :y")
			.bind("m", memberId)
			.bind("y", year)
			.map((row) -> Map.of("basic", row.get("basic", BigDecimal.class), "bonus",
					row.get("bonus", BigDecimal.class), "deduction", row.get("deduction", BigDecimal.class), "total",
					row.get("total", BigDecimal.class)))
			.one()
			.block();
	}

	public BigDecimal total(UUID memberId, int year) {
		Map<String, BigDecimal> balance = balance(memberId, year);
		return (balance != null) ? balance.get("total") : BigDecimal.ZERO.setScale(1);
	}

	/** How many events of these ids are marked scored. */
	public long scoredCount(List<String> eventIds) {
		return this.db
			.sql("SELECT count(*) AS n FROM points_events WHERE event_id = ANY(:ids) AND scored_at IS NOT NULL")
			.bind("ids", eventIds.toArray(String[]::new))
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	/** The ledger entries of an event, as (rule code, kind, points) rows. */
	public List<Map<String, Object>> entriesOf(String eventId) {
		return this.db
			.sql("SELECT rule_code, kind, points, capped_by FROM points_ledger WHERE event_id = :e ORDER BY id")
			.bind("e", eventId)
			.fetch()
			.all()
			.collectList()
			.block();
	}

	public void recordAll(List<PointsEvent> events, int concurrency) {
		Flux.fromIterable(events).flatMap(this::recordLater, concurrency).then().block();
	}

	/** A member of a branch, with what it takes to log in. */
	public record Person(UUID id, String phone, String name, UUID branchId) {
	}

}
