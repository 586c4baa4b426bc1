package cn.partybuilding.member;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Which branch a member belongs to, for other features (tokens carry it as
 * {@code branchId}).
 */
@Service
public class Memberships {

	private final DatabaseClient db;

	Memberships(DatabaseClient db) {
		this.db = db;
	}

	/** The member's branch; empty when the account is not a member. */
	public Mono<UUID> branchOf(UUID memberId) {
		return this.db.sql("SELECT branch_id FROM members WHERE id = :id")
			.bind("id", memberId)
			.map((row) -> row.get("branch_id", UUID.class))
			.one();
	}

}
