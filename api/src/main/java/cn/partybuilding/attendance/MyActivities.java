package cn.partybuilding.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.activity.Activities;
import cn.partybuilding.activity.Activity;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.security.Caller;
import cn.partybuilding.system.BusinessTime;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * The activities a member is invited to — those of their branch, of the units above it
 * and of their branch's groups — each with where the member stands: NOT_CHECKED_IN,
 * CHECKED_IN, ON_LEAVE, LEAVE_PENDING or ABSENT (ended without either).
 */
@Service
class MyActivities {

	private static final Keyset BY_START = Keyset.ascending(Keyset.instant("a.starts_at"), Keyset.uuid("a.id"));

	private final Orgs orgs;

	private final DatabaseClient db;

	private final BusinessTime time;

	MyActivities(Orgs orgs, DatabaseClient db, BusinessTime time) {
		this.orgs = orgs;
		this.db = db;
		this.time = time;
	}

	Mono<Page<Mine>> of(Caller caller, @Nullable LocalDate from, @Nullable LocalDate to, PageRequest page) {
		if (caller.branchId() == null) {
			return Mono.just(new Page<>(List.of(), null));
		}
		LocalDate first = (from != null) ? from : this.time.today().minusDays(30);
		LocalDate last = (to != null) ? to : first.plusYears(1);
		if (last.isBefore(first)) {
			return Mono.error(DomainException.invalid(Violation.of("to", "notBeforeFrom")));
		}
		Instant now = this.time.now();
		return this.orgs.find(caller.branchId()).flatMap((branch) -> {
			List<UUID> units = new ArrayList<>(branch.ancestors());
			units.add(branch.id());
			var spec = this.db
				.sql("SELECT " + Activities.columns("a") + ", c.checked_in_at, l.status AS leave "
						+ "FROM activities a "
						+ "LEFT JOIN checkins c ON c.activity_id = a.id AND c.member_id = :member "
						+ "LEFT JOIN leave_requests l ON l.activity_id = a.id AND l.member_id = :member "
						+ "WHERE (a.org_id = ANY(:units) OR a.org_id IN "
						+ "(SELECT id FROM orgs WHERE parent_id = :branch AND type = 'GROUP')) "
						+ "AND a.status IN ('APPROVED', 'COMPLETED', 'CANCELLED') AND a.starts_at >= :from "
						+ "AND a.starts_at < :to" + BY_START.condition(page) + BY_START.orderAndLimit())
				.bind("member", caller.id())
				.bind("units", units.toArray(UUID[]::new))
				.bind("branch", branch.id())
				.bind("from", this.time.startOf(first))
				.bind("to", this.time.endOf(last));
			return BY_START.bind(spec, page)
				.map((row) -> new Mine(Activities.read(row),
						state(Activities.read(row), row.get("checked_in_at", Instant.class),
								row.get("leave", String.class), now)))
				.all()
				.collectList();
		})
			.map((rows) -> page.page(rows,
					(mine) -> List.of(mine.activity().startsAt().toString(), mine.activity().id().toString())));
	}

	static String state(Activity activity, @Nullable Instant checkedInAt, @Nullable String leave, Instant now) {
		if (checkedInAt != null) {
			return "CHECKED_IN";
		}
		if ("APPROVED".equals(leave)) {
			return "ON_LEAVE";
		}
		if ("PENDING".equals(leave)) {
			return "LEAVE_PENDING";
		}
		return activity.hasEnded(now) ? "ABSENT" : "NOT_CHECKED_IN";
	}

	/**
	 * An activity and where the member stands.
	 *
	 * @param myState NOT_CHECKED_IN, CHECKED_IN, ON_LEAVE, LEAVE_PENDING or ABSENT
	 */
	record Mine(Activity activity, String myState) {
	}

}
