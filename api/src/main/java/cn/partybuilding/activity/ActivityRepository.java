package cn.partybuilding.activity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/** Activities and their (encrypted) code secrets. */
@Repository
class ActivityRepository {

	static final String COLUMNS = "id, org_id, type, title, starts_at, ends_at, checkin_opens_at, checkin_closes_at, "
			+ "venue_name, venue_lat, venue_lng, venue_radius_m, methods, status, created_by";

	private static final Keyset BY_START = Keyset.ascending(Keyset.instant("starts_at"), Keyset.uuid("id"));

	private final DatabaseClient db;

	ActivityRepository(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> insert(Activity activity, byte[] sealedSecret) {
		Venue venue = activity.venue();
		return this.db.sql("INSERT INTO activities (" + COLUMNS + ", code_secret) VALUES (:id, :org, :type, :title, "
				+ ":starts, :ends, :opens, :closes, :venueName, :lat, :lng, :radius, :methods, :status, :createdBy, "
				+ ":secret) ON CONFLICT (id) DO NOTHING")
			.bind("id", activity.id())
			.bind("org", activity.orgId())
			.bind("type", activity.type().name())
			.bind("title", activity.title())
			.bind("starts", activity.startsAt())
			.bind("ends", activity.endsAt())
			.bind("opens", activity.checkInOpensAt())
			.bind("closes", activity.checkInClosesAt())
			.bind("venueName", Parameters.nullable((venue != null) ? venue.name() : null, String.class))
			.bind("lat", Parameters.nullable((venue != null) ? venue.lat() : null, Double.class))
			.bind("lng", Parameters.nullable((venue != null) ? venue.lng() : null, Double.class))
			.bind("radius", Parameters.nullable((venue != null) ? venue.radiusMeters() : null, Integer.class))
			.bind("methods", activity.methods().stream().map(Enum::name).sorted().toArray(String[]::new))
			.bind("status", activity.status().name())
			.bind("createdBy", activity.createdBy())
			.bind("secret", sealedSecret)
			.then();
	}

	Mono<Stored> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + ", code_secret FROM activities WHERE id = :id")
			.bind("id", id)
			.map((row) -> new Stored(activity(row), row.get("code_secret", byte[].class)))
			.one();
	}

	/**
	 * Moves the activity from one of {@code from} to {@code to}; empty when it was in
	 * none of them any more.
	 */
	Mono<Activity> transition(UUID id, Set<ActivityStatus> from, ActivityStatus to, @Nullable String reason) {
		return this.db
			.sql("UPDATE activities SET status = :to, decision_reason = coalesce(:reason, decision_reason) "
					+ "WHERE id = :id AND status = ANY(:from) RETURNING " + COLUMNS)
			.bind("id", id)
			.bind("to", to.name())
			.bind("reason", Parameters.nullable(reason, String.class))
			.bind("from", from.stream().map(Enum::name).toArray(String[]::new))
			.map(ActivityRepository::activity)
			.one();
	}

	/** The activities of one unit (not its subtree) starting in [from, to), by start. */
	Flux<Activity> byOrg(UUID orgId, Instant from, Instant to, @Nullable ActivityType type, PageRequest page) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
				+ " FROM activities WHERE org_id = :org AND starts_at >= :from AND starts_at < :to");
		if (type != null) {
			sql.append(" AND type = :type");
		}
		sql.append(BY_START.condition(page)).append(BY_START.orderAndLimit());
		var spec = this.db.sql(sql.toString()).bind("org", orgId).bind("from", from).bind("to", to);
		if (type != null) {
			spec = spec.bind("type", type.name());
		}
		return BY_START.bind(spec, page).map(ActivityRepository::activity).all();
	}

	/**
	 * Approved activities that ended before {@code before} and still need their absences
	 * marked.
	 */
	Flux<Activity> endedBefore(Instant before, Instant notBefore) {
		return this.db
			.sql("SELECT " + COLUMNS + " FROM activities WHERE status = 'APPROVED' AND ends_at < :before "
					+ "AND ends_at >= :notBefore ORDER BY ends_at, id")
			.bind("before", before)
			.bind("notBefore", notBefore)
			.map(ActivityRepository::activity)
			.all();
	}

	static Activity activity(Readable row) {
		String venueName = row.get("venue_name", String.class);
		Venue venue = (venueName != null) ? new Venue(venueName, row.get("venue_lat", Double.class),
				row.get("venue_lng", Double.class), row.get("venue_radius_m", Integer.class)) : null;
		Set<CheckInMethod> methods = Arrays.stream(row.get("methods", String[].class))
			.map(CheckInMethod::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckInMethod.class)));
		return new Activity(row.get("id", UUID.class), row.get("org_id", UUID.class),
				ActivityType.valueOf(row.get("type", String.class)), row.get("title", String.class),
				row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
				row.get("checkin_opens_at", Instant.class), row.get("checkin_closes_at", Instant.class), venue, methods,
				ActivityStatus.valueOf(row.get("status", String.class)), row.get("created_by", UUID.class));
	}

	/** An activity with its sealed code secret. */
	record Stored(Activity activity, byte[] sealedSecret) {
	}

}
