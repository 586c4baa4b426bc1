package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.system.BusinessTime;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * A member's own volunteering in a year (business zone): the sign-ups of projects that
 * started in it, newest first, the approved recorded hours among them, and the honor
 * hours granted in it, apart.
 */
@Service
class MyVolunteering {

	static final int FIRST_YEAR = 2000;

	static final int LAST_YEAR = 2100;

	private static final String SIGNUP_COLUMNS = Arrays.stream(SignupRepository.COLUMNS.split(", "))
		.map((column) -> "s." + column)
		.collect(Collectors.joining(", "));

	private static final Keyset NEWEST = Keyset.descending(Keyset.instant("p.starts_at"), Keyset.uuid("s.id"));

	private final DatabaseClient db;

	private final HonorHours honor;

	private final BusinessTime time;

	MyVolunteering(DatabaseClient db, HonorHours honor, BusinessTime time) {
		this.db = db;
		this.honor = honor;
		this.time = time;
	}

	/**
	 * The year asked for, or the current one; 400 outside
	 * {@value #FIRST_YEAR}..{@value #LAST_YEAR}.
	 */
	int year(@Nullable Integer year) {
		if (year == null) {
			return this.time.today().getYear();
		}
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw DomainException.invalid(Violation.of("year", "volunteer.year", FIRST_YEAR, LAST_YEAR));
		}
		return year;
	}

	Mono<Summary> of(UUID memberId, int year, PageRequest page) {
		Instant from = start(year);
		Instant to = start(year + 1);
		return totals(memberId, from, to).zipWith(signups(memberId, from, to, page),
				(totals, signups) -> new Summary(year, totals.get(0), totals.get(1), signups));
	}

	Mono<Page<HonorGrant>> honorGrants(UUID memberId, int year, PageRequest page) {
		return this.honor.of(memberId, start(year), start(year + 1), page);
	}

	private Mono<List<BigDecimal>> totals(UUID memberId, Instant from, Instant to) {
		return this.db.sql("""
				SELECT (SELECT coalesce(sum(s.approved_hours), 0) FROM volunteer_signups s
				        JOIN volunteer_projects p ON p.id = s.project_id
				        WHERE s.member_id = :member AND s.status = 'APPROVED' AND p.starts_at >= :from
				        AND p.starts_at < :to) AS approved,
				       (SELECT coalesce(sum(h.hours), 0) FROM volunteer_honor_hours h
				        WHERE h.member_id = :member AND h.granted_at >= :from AND h.granted_at < :to) AS honor""")
			.bind("member", memberId)
			.bind("from", from)
			.bind("to", to)
			.map((row) -> List.of(row.get("approved", BigDecimal.class), row.get("honor", BigDecimal.class)))
			.one();
	}

	private Mono<Page<Mine>> signups(UUID memberId, Instant from, Instant to, PageRequest page) {
		var spec = this.db.sql("SELECT " + SIGNUP_COLUMNS + ", p.title, p.starts_at AS project_starts_at, "
				+ "p.ends_at AS project_ends_at FROM volunteer_signups s "
				+ "JOIN volunteer_projects p ON p.id = s.project_id WHERE s.member_id = :member "
				+ "AND p.starts_at >= :from AND p.starts_at < :to" + NEWEST.condition(page) + NEWEST.orderAndLimit())
			.bind("member", memberId)
			.bind("from", from)
			.bind("to", to);
		return NEWEST.bind(spec, page)
			.map((row) -> new Mine(SignupRepository.signup(row), row.get("title", String.class),
					row.get("project_starts_at", Instant.class), row.get("project_ends_at", Instant.class)))
			.all()
			.collectList()
			.map((rows) -> page.page(rows,
					(mine) -> List.of(mine.projectStartsAt().toString(), mine.signup().id().toString())));
	}

	private Instant start(int year) {
		return this.time.startOf(LocalDate.of(year, 1, 1));
	}

	/**
	 * A year of a member's volunteering.
	 *
	 * @param approvedHours approved recorded hours of the year's projects
	 * @param honorHours honor hours granted in the year
	 * @param signups the year's sign-ups, newest first
	 */
	record Summary(int year, BigDecimal approvedHours, BigDecimal honorHours, Page<Mine> signups) {
	}

	/**
	 * One of the member's sign-ups with its project.
	 *
	 * @param signup the sign-up
	 */
	record Mine(Signup signup, String projectTitle, Instant projectStartsAt, Instant projectEndsAt) {
	}

}
