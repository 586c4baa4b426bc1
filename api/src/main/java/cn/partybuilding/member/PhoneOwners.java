package cn.partybuilding.member;

import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.personaldata.BlindIndex;

/**
 * Which phone numbers have an account already, and where in the tree the member holding
 * each one is.
 */
@Repository
class PhoneOwners {

	private final DatabaseClient db;

	private final BlindIndex index;

	PhoneOwners(DatabaseClient db, BlindIndex index) {
		this.db = db;
		this.index = index;
	}

	/**
	 * The owners of those of the (canonical) phone numbers that are taken, by phone
	 * number.
	 */
	Mono<Map<String, Owner>> of(Collection<String> phones) {
		if (phones.isEmpty()) {
			return Mono.just(Map.of());
		}
		Map<String, String> phoneByIndex = phones.stream()
			.distinct()
			.collect(Collectors.toMap((phone) -> HexFormat.of().formatHex(this.index.phone(phone)), (phone) -> phone));
		return this.db.sql("""
				SELECT encode(a.phone_index, 'hex') AS idx, o.path
				FROM accounts a LEFT JOIN members m ON m.id = a.id LEFT JOIN orgs o ON o.id = m.branch_id
				WHERE a.phone_index IN (SELECT decode(h, 'hex') FROM unnest(:indexes::text[]) AS h)""")
			.bind("indexes", phoneByIndex.keySet().toArray(String[]::new))
			.map((row) -> {
				UUID[] path = row.get("path", UUID[].class);
				return Map.entry(phoneByIndex.get(row.get("idx", String.class)),
						new Owner((path != null) ? List.of(path) : null));
			})
			.all()
			.collect(HashMap::new, (owners, owner) -> owners.put(owner.getKey(), owner.getValue()));
	}

	/**
	 * The account holding a phone number.
	 *
	 * @param branchPath the path of the member's branch, from the top of the tree down to
	 * the branch; {@code null} for an account that is not a member (the system
	 * administrator's)
	 */
	record Owner(@Nullable List<UUID> branchPath) {
	}

}
