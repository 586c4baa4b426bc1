package cn.partybuilding.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.system.Parameters;

/**
 * Reads and stores org units; the rules of the tree are checked by the callers that
 * create them.
 */
@Service
public class Orgs {

	/**
	 * Far more units than a city has: the cache is a bound on memory, not an eviction
	 * policy.
	 */
	private static final int CACHE_LIMIT = 200_000;

	private final DatabaseClient db;

	private final Map<UUID, OrgUnit> cache = new ConcurrentHashMap<>();

	Orgs(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The unit, from memory when it was read before: units never move and are never
	 * deleted, so a cached unit stays true (and a unit another instance created is simply
	 * read on first use).
	 */
	public Mono<OrgUnit> find(UUID id) {
		OrgUnit cached = this.cache.get(id);
		if (cached != null) {
			return Mono.just(cached);
		}
		return this.db.sql("SELECT id, parent_id, name, type, kind, path FROM orgs WHERE id = :id")
			.bind("id", id)
			.map(Orgs::unit)
			.one()
			.doOnNext(this::remember);
	}

	private void remember(OrgUnit unit) {
		if (this.cache.size() >= CACHE_LIMIT) {
			this.cache.clear();
		}
		this.cache.put(unit.id(), unit);
	}

	/**
	 * Stores a unit under {@code parent} (or at the top); the unit's path is the parent's
	 * path and its own id. An existing unit with the same id is left as it is.
	 */
	Mono<OrgUnit> insert(UUID id, @Nullable OrgUnit parent, String name, OrgType type, @Nullable OrgKind kind) {
		List<UUID> path = new ArrayList<>();
		if (parent != null) {
			path.addAll(parent.ancestors());
			path.add(parent.id());
		}
		List<UUID> ancestors = List.copyOf(path);
		path.add(id);
		return this.db
			.sql("""
					INSERT INTO orgs (id, parent_id, name, type, kind, path) VALUES (:id, :parent, :name, :type, :kind, :path)
					ON CONFLICT (id) DO NOTHING""")
			.bind("id", id)
			.bind("parent", Parameters.nullable((parent != null) ? parent.id() : null, UUID.class))
			.bind("name", name)
			.bind("type", type.name())
			.bind("kind", Parameters.nullable((kind != null) ? kind.name() : null, String.class))
			.bind("path", path.toArray(UUID[]::new))
			.then()
			.thenReturn(new OrgUnit(id, (parent != null) ? parent.id() : null, name, type, kind, ancestors));
	}

	static OrgUnit unit(Readable row) {
		UUID[] path = row.get("path", UUID[].class);
		List<UUID> ancestors = Arrays.asList(path).subList(0, path.length - 1);
		String kind = row.get("kind", String.class);
		return new OrgUnit(row.get("id", UUID.class), row.get("parent_id", UUID.class), row.get("name", String.class),
				OrgType.valueOf(row.get("type", String.class)), (kind != null) ? OrgKind.valueOf(kind) : null,
				List.copyOf(ancestors));
	}

}
