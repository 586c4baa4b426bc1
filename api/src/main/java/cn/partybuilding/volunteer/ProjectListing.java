package cn.partybuilding.volunteer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * Lists projects in one of two stable orders. With a position: nearest first (projects
 * without a location last), then by id. Without: the caller's own first — projects of the
 * community they registered with (双报到) and its branches, of their branch with its groups,
 * and of the units above their branch — then the others, each by start and id. Whether a
 * project is open or finished depends on the time, so the first page fixes the moment
 * ("as of") and its cursor carries it: the pages of one listing agree with each other.
 */
@Repository
class ProjectListing {

	private static final String MINE = "mine";

	private static final String NEAR = "near";

	private static final String DISTANCE = "2 * 6371008.8 * asin(least(1.0, sqrt(power(sin(radians(p.location_lat "
			+ "- :lat) / 2), 2) + cos(radians(:lat)) * cos(radians(p.location_lat)) * power(sin(radians(p.location_lng "
			+ "- :lng) / 2), 2))))";

	private static final String RANK = "CASE WHEN EXISTS (SELECT 1 FROM me WHERE (me.community_id IS NOT NULL AND "
			+ "o.path @> ARRAY[me.community_id]) OR o.path @> ARRAY[me.branch_id] OR o.id = ANY(me.branch_path)) "
			+ "THEN 0 ELSE 1 END";

	private final DatabaseClient db;

	ProjectListing(DatabaseClient db) {
		this.db = db;
	}

	Mono<Page<Listed>> list(Query query, Instant now, PageRequest page) {
		Position near = query.near();
		ListPosition after = page.isFirst() ? null : ListPosition.parse(page.after(), (near != null) ? NEAR : MINE);
		Instant asOf = (after != null) ? after.asOf() : now;
		Map<String, Object> binds = new LinkedHashMap<>();
		binds.put("caller", query.caller());
		binds.put("limit", page.fetchSize());
		StringBuilder sql = new StringBuilder("WITH me AS (SELECT m.community_id, m.branch_id, b.path AS branch_path "
				+ "FROM members m JOIN orgs b ON b.id = m.branch_id WHERE m.id = :caller) SELECT * FROM (SELECT "
				+ columns() + ", " + RANK + " AS rank, ");
		if (near != null) {
			sql.append("CASE WHEN p.location_lat IS NULL THEN 'Infinity'::float8 ELSE ")
				.append(DISTANCE)
				.append(" END");
			binds.put("lat", near.lat());
			binds.put("lng", near.lng());
		}
		else {
			sql.append("NULL::float8");
		}
		sql.append(" AS distance FROM volunteer_projects p JOIN orgs o ON o.id = p.org_id WHERE ")
			.append(statusCondition(query.status()));
		if (query.status() != ProjectStatus.CANCELLED) {
			binds.put("asOf", asOf);
		}
		if (query.orgId() != null) {
			sql.append(" AND o.path @> ARRAY[:org]::uuid[]");
			binds.put("org", query.orgId());
		}
		sql.append(") x");
		if (near != null) {
			if (after != null) {
				sql.append(" WHERE (x.distance, x.id) > (:afterDistance, :afterId)");
				binds.put("afterDistance", after.distance());
				binds.put("afterId", after.id());
			}
			sql.append(" ORDER BY x.distance, x.id LIMIT :limit");
		}
		else {
			if (after != null) {
				sql.append(" WHERE (x.rank, x.starts_at, x.id) > (:afterRank, :afterStart, :afterId)");
				binds.put("afterRank", after.rank());
				binds.put("afterStart", after.startsAt());
				binds.put("afterId", after.id());
			}
			sql.append(" ORDER BY x.rank, x.starts_at, x.id LIMIT :limit");
		}
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql.toString());
		for (Map.Entry<String, Object> bind : binds.entrySet()) {
			spec = spec.bind(bind.getKey(), bind.getValue());
		}
		return spec
			.map((row) -> new Listed(ProjectRepository.project(row), row.get("rank", Integer.class) == 0,
					row.get("distance", Double.class)))
			.all()
			.collectList()
			.map((rows) -> page
				.page(rows,
						(listed) -> (near != null)
								? List.of(NEAR, asOf.toString(),
										Double
											.toString(Objects.requireNonNull(listed.distance(), "selected when near")),
										listed.project().id().toString())
								: List.of(MINE, asOf.toString(), listed.mine() ? "0" : "1",
										listed.project().startsAt().toString(), listed.project().id().toString())));
	}

	/**
	 * The stored statuses and times that make a project's status {@code status} as of
	 * {@code :asOf}.
	 */
	private static String statusCondition(ProjectStatus status) {
		return switch (status) {
			case OPEN -> "p.status = 'OPEN' AND p.ends_at > :asOf";
			case CLOSED -> "p.status = 'CLOSED' AND p.ends_at > :asOf";
			case CANCELLED -> "p.status = 'CANCELLED'";
			case FINISHED -> "p.status <> 'CANCELLED' AND p.ends_at <= :asOf";
		};
	}

	private static String columns() {
		return Arrays.stream(ProjectRepository.COLUMNS.split(", "))
			.map((column) -> "p." + column)
			.collect(Collectors.joining(", "));
	}

	/**
	 * What to list.
	 *
	 * @param caller who asks; their own projects come first
	 * @param orgId only projects of this unit's subtree
	 * @param status only projects in this status
	 * @param near order by distance from here
	 */
	record Query(UUID caller, @Nullable UUID orgId, ProjectStatus status, @Nullable Position near) {
	}

	/**
	 * A project as listed.
	 *
	 * @param mine whether it belongs to the caller's own units
	 * @param distance metres from the position asked about; infinite for projects without
	 * a location
	 */
	record Listed(Project project, boolean mine, @Nullable Double distance) {
	}

	/**
	 * A position in one of the two orders, read back from a cursor (signed, yet from
	 * another order or listing).
	 */
	private record ListPosition(Instant asOf, int rank, @Nullable Instant startsAt, double distance, UUID id) {

		static ListPosition parse(List<String> values, String order) {
			try {
				if (order.equals(NEAR) && values.size() == 4 && values.get(0).equals(NEAR)) {
					return new ListPosition(Instant.parse(values.get(1)), 0, null, Double.parseDouble(values.get(2)),
							UUID.fromString(values.get(3)));
				}
				if (order.equals(MINE) && values.size() == 5 && values.get(0).equals(MINE)) {
					return new ListPosition(Instant.parse(values.get(1)), Integer.parseInt(values.get(2)),
							Instant.parse(values.get(3)), 0, UUID.fromString(values.get(4)));
				}
			}
			catch (DateTimeParseException | IllegalArgumentException ex) {
				// answered below, like a cursor of the other order
			}
			throw DomainException.invalid(Violation.of("cursor", "cursor"));
		}

	}

}
