package cn.partybuilding.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Members;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.post.DutyPostRecords;
import cn.partybuilding.system.PartySettings;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.volunteer.VolunteerRecords;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo district's volunteering: a project open today near the demo venue, sign-ups,
 * last month's hours approved (with their points), duty posts for members without a post
 * — and loading it twice changes nothing.
 */
@IntegrationTest
class DemoVolunteeringIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseClient db;

	@Autowired
	Clock clock;

	@Autowired
	Api api;

	@Test
	@SuppressWarnings("unchecked")
	void theDemoHasOpenProjectsSignupsWithHoursAndDutyPostsAndLoadsTwiceTheSame() {
		new DemoDistrict(bean(OrgTree.class), bean(Members.class), bean(Accounts.class), bean(Passwords.class),
				bean(PartySettings.class), this.clock)
			.run(new DefaultApplicationArguments());
		DemoVolunteering volunteering = new DemoVolunteering(bean(VolunteerRecords.class), bean(DutyPostRecords.class),
				this.clock);
		volunteering.run(new DefaultApplicationArguments());
		List<Long> counts = counts();
		volunteering.run(new DefaultApplicationArguments());
		assertThat(counts()).isEqualTo(counts);

		String member2 = this.api.login("13800000002", DemoDistrict.PASSWORD);
		UUID cleanup = DemoDistrict.id("volunteer:cleanup:" + LocalDate.now(this.clock));
		Map<String, Object> today = this.api.getJson(member2, "/api/v1/volunteer/projects/{id}", cleanup);
		assertThat(today).containsEntry("status", "OPEN").containsEntry("taken", 3);
		// Near the demo venue, among the first when listing by distance from it.
		List<Map<String, Object>> near = (List<Map<String, Object>>) this.api
			.get(member2, "/api/v1/volunteer/projects?near=31.2304,121.4737&limit=100")
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("items");
		assertThat(near).anySatisfy((item) -> assertThat(item).containsEntry("id", cleanup.toString())
			.containsEntry("distanceMeters", 101));
		// Member 22 served 3 hours at last month's tree planting, approved; member 26
		// awaits approval.
		String member22 = this.api.login("13800000022", DemoDistrict.PASSWORD);
		Map<String, Object> planting = this.api
			.get(member22, "/api/v1/me/volunteer?year={year}", LocalDate.now(this.clock).minusMonths(1).getYear())
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(((List<Map<String, Object>>) ((Map<String, Object>) planting.get("signups")).get("items")))
			.anySatisfy((item) -> assertThat(item).containsEntry("projectTitle", "义务植树")
				.containsEntry("status", "APPROVED")
				.containsEntry("approvedHours", 3.0));
		assertThat(this.db.sql("SELECT status FROM volunteer_signups WHERE id = :id")
			.bind("id",
					DemoDistrict.id("volunteer:trees:" + LocalDate.now(this.clock).minusMonths(1).withDayOfMonth(12)
							+ ":signup:26"))
			.map((row) -> row.get("status", String.class))
			.one()
			.block()).isEqualTo("CHECKED_OUT");
		// Member 3 (without a post) holds the branch's 政策宣传岗.
		this.api.get(this.api.login("13800000003", DemoDistrict.PASSWORD), "/api/v1/me")
			.exchange()
			.expectBody()
			.jsonPath("$.posts[0].name")
			.isEqualTo("政策宣传岗")
			.jsonPath("$.member.category")
			.isEqualTo("NO_POST");
	}

	private List<Long> counts() {
		return List.of(count("SELECT count(*) FROM volunteer_projects"),
				count("SELECT count(*) FROM volunteer_signups"),
				count("SELECT coalesce(sum(taken), 0)::bigint FROM volunteer_projects"),
				count("SELECT count(*) FROM duty_posts"), count("SELECT count(*) FROM duty_post_holders"),
				count("SELECT count(*) FROM points_events WHERE event_id LIKE 'volunteer-signup:%'"));
	}

	private long count(String sql) {
		return this.db.sql(sql).map((row) -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

}
