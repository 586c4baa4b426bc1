package cn.partybuilding.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.activity.ActivityStatus;
import cn.partybuilding.activity.ActivityType;
import cn.partybuilding.activity.CheckInMethod;
import cn.partybuilding.activity.Venue;

/**
 * Activities of the demo district: a branch assembly open for check-in whenever the demo
 * is started (one per day, so a newcomer can try the whole flow today), last month's
 * theme day and next month's party lecture.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("party.demo-data")
class DemoActivities implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoActivities.class);

	/** 和平社区党群服务中心 (invented coordinates). */
	private static final Venue CENTRE = new Venue("和平社区党群服务中心二楼会议室", 31.2304, 121.4737, 300);

	private final Activities activities;

	private final Clock clock;

	DemoActivities(Activities activities, Clock clock) {
		this.activities = activities;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate today = LocalDate.now(this.clock);
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		UUID branch = DemoDistrict.id("org:branch:1");
		UUID community = DemoDistrict.id("org:community:0");
		UUID secretary = DemoDistrict.id("member:1");
		Flux.concat(
				// Open for check-in from now until the evening: starts in a quarter of an
				// hour.
				plan("activity:assembly:" + today, branch, ActivityType.BRANCH_ASSEMBLY,
						today.getMonthValue() + "月支部党员大会", now.plus(Duration.ofMinutes(15)), endOfDay(today, now),
						secretary),
				plan("activity:theme-day:" + today.minusMonths(1).withDayOfMonth(1), community, ActivityType.THEME_DAY,
						"主题党日：重温入党誓词", start(today.minusMonths(1).withDayOfMonth(5)),
						start(today.minusMonths(1).withDayOfMonth(5)).plus(Duration.ofHours(2)),
						DemoDistrict.id("member:41")),
				plan("activity:lecture:" + today.plusMonths(1).withDayOfMonth(1), branch, ActivityType.PARTY_LECTURE,
						"专题党课：基层治理中的党员作用", start(today.plusMonths(1).withDayOfMonth(10)),
						start(today.plusMonths(1).withDayOfMonth(10)).plus(Duration.ofMinutes(90)), secretary))
			.then()
			.block(Duration.ofSeconds(30));
		logger.info("Demo activities are planned; today's branch assembly is open for check-in");
	}

	private Mono<Activity> plan(String name, UUID org, ActivityType type, String title, Instant startsAt,
			Instant endsAt, UUID createdBy) {
		Activity activity = new Activity(DemoDistrict.id(name), org, type, title, startsAt, endsAt,
				startsAt.minus(Duration.ofMinutes(30)), endsAt, CENTRE, EnumSet.of(CheckInMethod.QR, CheckInMethod.GEO),
				ActivityStatus.APPROVED, createdBy);
		return this.activities.plan(activity);
	}

	private Instant start(LocalDate date) {
		return date.atTime(LocalTime.of(14, 30)).atZone(this.clock.getZone()).toInstant();
	}

	private Instant endOfDay(LocalDate today, Instant now) {
		Instant evening = today.atTime(LocalTime.of(23, 0)).atZone(this.clock.getZone()).toInstant();
		return evening.isAfter(now.plus(Duration.ofHours(1))) ? evening : now.plus(Duration.ofHours(2));
	}

}
