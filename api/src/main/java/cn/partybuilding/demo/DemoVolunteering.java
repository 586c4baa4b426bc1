package cn.partybuilding.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.partybuilding.activity.Venue;
import cn.partybuilding.post.DutyPostRecords;
import cn.partybuilding.volunteer.VolunteerRecords;
import cn.partybuilding.volunteer.VolunteerRecords.ProjectRecord;

/**
 * Volunteering in the demo district: a clean-up of 和平社区 open today near the demo venue
 * (so a newcomer can sign up, check in and out today), a Saturday at the home for the
 * elderly, tomorrow's traffic duty, last month's tree planting with hours recorded and
 * approved (and one awaiting approval), and duty posts for members without a post
 * (无职党员设岗定责). Ids come from names and dates, so loading it again changes nothing.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("party.demo-data")
class DemoVolunteering implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoVolunteering.class);

	/** 和平社区中心广场, next to the demo venue (invented coordinates). */
	private static final Venue SQUARE = new Venue("和平社区中心广场", 31.2310, 121.4745, 500);

	private static final Venue HOME = new Venue("和平社区养老服务中心", 31.2330, 121.4700, 200);

	private static final Venue CROSSING = new Venue("光明路与建设路交叉口", 31.2250, 121.4800, 150);

	private static final Venue HILL = new Venue("光明社区滨河绿地", 31.2200, 121.4850, 800);

	private final VolunteerRecords volunteering;

	private final DutyPostRecords posts;

	private final Clock clock;

	DemoVolunteering(VolunteerRecords volunteering, DutyPostRecords posts, Clock clock) {
		this.volunteering = volunteering;
		this.posts = posts;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Flux.concat(projects(), dutyPosts()).then().block(Duration.ofSeconds(30));
		logger.info("Demo volunteering is loaded; today's clean-up of 和平社区 is open for sign-ups");
	}

	private Mono<Void> projects() {
		LocalDate today = LocalDate.now(this.clock);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		LocalDate tomorrow = today.plusDays(1);
		LocalDate planting = today.minusMonths(1).withDayOfMonth(12);
		String cleanup = "volunteer:cleanup:" + today;
		String elderly = "volunteer:elderly:" + saturday;
		String traffic = "volunteer:traffic:" + tomorrow;
		String trees = "volunteer:trees:" + planting;
		Instant cleanupStart = now.plus(Duration.ofMinutes(15));
		Instant treesStart = at(planting, 8, 30);
		Instant treesEnd = at(planting, 11, 30);
		return Flux
			.concat(project(cleanup, "org:community:0", "社区环境清洁行动", "清理楼道堆物、捡拾绿地垃圾，工具在广场领取", "环境整治", SQUARE,
					cleanupStart, evening(today, cleanupStart), 20, 1),
					project(elderly, "org:branch:1", "周末敬老院助餐", "为老人分餐、陪伴聊天", "助老助残", HOME, at(saturday, 9, 0),
							at(saturday, 12, 0), 10, 1),
					project(traffic, "org:branch:3", "文明交通劝导", "早高峰路口文明交通劝导", "文明宣传", CROSSING, at(tomorrow, 7, 0),
							at(tomorrow, 9, 0), 8, 21),
					project(trees, "org:branch:3", "义务植树", "滨河绿地补种树苗", "环境整治", HILL, treesStart, treesEnd, 12, 21),
					// Signed up for what is coming.
					signedUp(cleanup, 2, now), signedUp(cleanup, 3, now), signedUp(cleanup, 4, now),
					signedUp(elderly, 5, now), signedUp(elderly, 6, now), signedUp(traffic, 22, now),
					signedUp(traffic, 23, now),
					// Last month: hours recorded and approved by the branch secretary
					// (member 21), one awaiting approval.
					served(trees, 22, treesStart.minus(Duration.ofMinutes(5)), treesEnd.plus(Duration.ofMinutes(10)),
							true),
					served(trees, 23, treesStart.plus(Duration.ofMinutes(10)), at(planting, 10, 45), true),
					served(trees, 24, treesStart, treesEnd, true),
					served(trees, 25, treesStart.plus(Duration.ofMinutes(30)), treesEnd, true),
					served(trees, 26, treesStart, at(planting, 10, 0), false))
			.then();
	}

	private Mono<Void> dutyPosts() {
		UUID branch1 = DemoDistrict.id("org:branch:1");
		UUID branch2 = DemoDistrict.id("org:branch:2");
		UUID branch4 = DemoDistrict.id("org:branch:4");
		return Flux
			.concat(this.posts.post(DemoDistrict.id("post:branch:1:policy"), branch1, "政策宣传岗",
					"每月向所在楼栋居民宣传一项惠民政策，收集居民意见", member(1), member(3)),
					this.posts.post(DemoDistrict.id("post:branch:1:hygiene"), branch1, "环境卫生监督岗",
							"每周巡查网格内环境卫生，发现问题及时报告", member(1), member(7)),
					this.posts.post(DemoDistrict.id("post:branch:2:neighbours"), branch2, "邻里互助岗", "联系网格内独居老人，每周走访一次",
							member(11), member(15), member(19)),
					this.posts.post(DemoDistrict.id("post:branch:4:stairs"), branch4, "楼道联络岗", "做好楼道通知张贴和居民联络",
							member(31), member(35), member(39)))
			.then();
	}

	private Mono<Void> project(String name, String org, String title, String description, String category,
			Venue location, Instant startsAt, Instant endsAt, int slots, int createdBy) {
		return this.volunteering.project(new ProjectRecord(DemoDistrict.id(name), DemoDistrict.id(org), title,
				description, category, location, startsAt, endsAt, slots, member(createdBy)));
	}

	private Mono<Void> signedUp(String project, int member, Instant at) {
		return service(project, member, at, null, null, false);
	}

	private Mono<Void> served(String project, int member, Instant in, Instant out, boolean approved) {
		return service(project, member, in.minus(Duration.ofDays(3)), in, out, approved);
	}

	private Mono<Void> service(String project, int member, Instant signedUpAt, @Nullable Instant in,
			@Nullable Instant out, boolean approved) {
		return this.volunteering.service(DemoDistrict.id(project + ":signup:" + member), DemoDistrict.id(project),
				member(member), signedUpAt, in, out, approved ? member(21) : null);
	}

	private Instant at(LocalDate date, int hour, int minute) {
		return date.atTime(LocalTime.of(hour, minute)).atZone(this.clock.getZone()).toInstant();
	}

	/** Until 23:00, or two hours when the demo starts later in the evening. */
	private Instant evening(LocalDate today, Instant start) {
		Instant evening = at(today, 23, 0);
		return evening.isAfter(start.plus(Duration.ofHours(1))) ? evening : start.plus(Duration.ofHours(2));
	}

	private static UUID member(int n) {
		return DemoDistrict.id("member:" + n);
	}

}
