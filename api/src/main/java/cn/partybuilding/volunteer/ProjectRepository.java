package cn.partybuilding.volunteer;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.activity.Venue;
import cn.partybuilding.system.Parameters;

/**
 * Projects, and the count of places their active sign-ups hold. A place is taken with a
 * conditional update in the transaction of the sign-up, so concurrent sign-ups queue on
 * the project's row and the last place goes to exactly one of them ("count, then insert"
 * would overbook).
 */
@Repository
class ProjectRepository {

	static final String COLUMNS = "id, org_id, title, description, category, location_name, location_lat, "
			+ "location_lng, location_radius_m, starts_at, ends_at, slots, taken, status, created_by";

	private final DatabaseClient db;

	ProjectRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Stores a new project; one with the same id is left as it is (demo data loads
	 * twice).
	 */
	Mono<Void> insert(Project project, Instant createdAt) {
		Venue location = project.location();
		return this.db.sql("INSERT INTO volunteer_projects (" + COLUMNS + ", created_at) VALUES (:id, :org, :title, "
				+ ":description, :category, :locationName, :lat, :lng, :radius, :starts, :ends, :slots, 0, :status, "
				+ ":createdBy, :createdAt) ON CONFLICT (id) DO NOTHING")
			.bind("id", project.id())
			.bind("org", project.orgId())
			.bind("title", project.title())
			.bind("description", project.description())
			.bind("category", project.category())
			.bind("locationName", Parameters.nullable((location != null) ? location.name() : null, String.class))
			.bind("lat", Parameters.nullable((location != null) ? location.lat() : null, Double.class))
			.bind("lng", Parameters.nullable((location != null) ? location.lng() : null, Double.class))
			.bind("radius", Parameters.nullable((location != null) ? location.radiusMeters() : null, Integer.class))
			.bind("starts", project.startsAt())
			.bind("ends", project.endsAt())
			.bind("slots", project.slots())
			.bind("status", project.stored().name())
			.bind("createdBy", project.createdBy())
			.bind("createdAt", createdAt)
			.then();
	}

	Mono<Project> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM volunteer_projects WHERE id = :id")
			.bind("id", id)
			.map(ProjectRepository::project)
			.one();
	}

	/**
	 * Moves a project that has not finished from one of {@code from} to {@code to}; empty
	 * when it is in none of them any more, or has finished.
	 */
	Mono<Project> transition(UUID id, Set<ProjectStatus> from, ProjectStatus to, Instant now) {
		return this.db
			.sql("UPDATE volunteer_projects SET status = :to WHERE id = :id AND status = ANY(:from) "
					+ "AND ends_at > :now RETURNING " + COLUMNS)
			.bind("id", id)
			.bind("to", to.name())
			.bind("from", from.stream().map(Enum::name).toArray(String[]::new))
			.bind("now", now)
			.map(ProjectRepository::project)
			.one();
	}

	/**
	 * Takes a place of an open, unfinished project; {@code false} when none is left or it
	 * is not open.
	 */
	Mono<Boolean> takePlace(UUID id, Instant now) {
		return this.db
			.sql("UPDATE volunteer_projects SET taken = taken + 1 WHERE id = :id AND status = 'OPEN' "
					+ "AND ends_at > :now AND taken < slots RETURNING taken")
			.bind("id", id)
			.bind("now", now)
			.map((row) -> true)
			.one()
			.defaultIfEmpty(false);
	}

	/** Gives a place back (a sign-up was cancelled). */
	Mono<Void> freePlace(UUID id) {
		return this.db.sql("UPDATE volunteer_projects SET taken = taken - 1 WHERE id = :id AND taken > 0")
			.bind("id", id)
			.then();
	}

	/**
	 * Sets the count of taken places from the active sign-ups, for loaders that add
	 * sign-ups of past projects.
	 */
	Mono<Void> recount(UUID id) {
		return this.db
			.sql("UPDATE volunteer_projects SET taken = (SELECT count(*) FROM volunteer_signups "
					+ "WHERE project_id = :id AND status <> 'CANCELLED') WHERE id = :id")
			.bind("id", id)
			.then();
	}

	static Project project(Readable row) {
		String locationName = row.get("location_name", String.class);
		Venue location = (locationName != null) ? new Venue(locationName, row.get("location_lat", Double.class),
				row.get("location_lng", Double.class), row.get("location_radius_m", Integer.class)) : null;
		return new Project(row.get("id", UUID.class), row.get("org_id", UUID.class), row.get("title", String.class),
				row.get("description", String.class), row.get("category", String.class), location,
				row.get("starts_at", Instant.class), row.get("ends_at", Instant.class), row.get("slots", Integer.class),
				row.get("taken", Integer.class), ProjectStatus.valueOf(row.get("status", String.class)),
				row.get("created_by", UUID.class));
	}

}
