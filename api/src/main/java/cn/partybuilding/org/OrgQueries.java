package cn.partybuilding.org;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.org.OrgController.OrgView;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;

/** Reads over the tree: children page by page, member counts of subtrees. */
@Repository
class OrgQueries {

	private static final String ACTIVE = "m.status IN ('PROBATIONARY', 'FULL')";

	private static final Keyset BY_ID = Keyset.ascending(Keyset.uuid("id"));

	private final DatabaseClient db;

	OrgQueries(DatabaseClient db) {
		this.db = db;
	}

	/** Active members in the unit's whole subtree. */
	Mono<Long> memberCount(UUID orgId) {
		return this.db
			.sql("SELECT count(*) AS n FROM members m JOIN orgs o ON o.id = m.branch_id "
					+ "WHERE o.path @> ARRAY[:org]::uuid[] AND " + ACTIVE)
			.bind("org", orgId)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	Mono<Page<OrgView>> children(UUID parentId, PageRequest page) {
		var spec = this.db
			.sql("SELECT id, parent_id, name, type, kind, path FROM orgs WHERE parent_id = :parent"
					+ BY_ID.condition(page) + BY_ID.orderAndLimit())
			.bind("parent", parentId);
		return BY_ID.bind(spec, page).map(Orgs::unit).all().collectList().flatMap((units) -> {
			Page<OrgUnit> children = page.page(units, (unit) -> List.of(unit.id().toString()));
			return memberCounts(children.items().stream().map(OrgUnit::id).toList())
				.map((counts) -> children.map((unit) -> OrgView.of(unit, counts.getOrDefault(unit.id(), 0L))));
		});
	}

	/** Active members under each of the units, in one query. */
	private Mono<Map<UUID, Long>> memberCounts(List<UUID> orgIds) {
		if (orgIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.db
			.sql("SELECT u.id, count(m.id) AS n FROM unnest(:ids::uuid[]) AS u(id) "
					+ "LEFT JOIN orgs o ON o.path @> ARRAY[u.id] LEFT JOIN members m ON m.branch_id = o.id AND "
					+ ACTIVE + " GROUP BY u.id")
			.bind("ids", orgIds.toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("id", UUID.class), row.get("n", Long.class)))
			.all()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
