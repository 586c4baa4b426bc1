package cn.partybuilding.member;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.points.roster.RosterNames;

/** Members' names for lists that show them (leaderboards, evaluations), many at once. */
@Service
public class MemberNames implements RosterNames {

	private final DatabaseClient db;

	MemberNames(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The names of the members among {@code ids}, in one query; ids that are no member
	 * are left out.
	 */
	@Override
	public Mono<Map<UUID, String>> namesOf(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.db.sql("SELECT id, name FROM members WHERE id = ANY(:ids)")
			.bind("ids", ids.stream().distinct().toArray(UUID[]::new))
			.map((row) -> Map.entry(row.get("id", UUID.class), row.get("name", String.class)))
			.all()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
