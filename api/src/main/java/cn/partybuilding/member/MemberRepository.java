package cn.partybuilding.member;

import java.time.LocalDate;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.personaldata.PersonalDataCipher;
import cn.partybuilding.system.Parameters;
import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/** Members with their (decrypted) phone numbers. */
@Repository
class MemberRepository {

	private static final String COLUMNS = "m.id, m.branch_id, m.name, m.gender, m.birth_date, m.joined_party_on, "
			+ "m.full_member_on, m.status, m.category, m.community_id, a.phone_cipher";

	private static final Keyset BY_ID = Keyset.ascending(Keyset.uuid("m.id"));

	private final DatabaseClient db;

	private final PersonalDataCipher cipher;

	MemberRepository(DatabaseClient db, PersonalDataCipher cipher) {
		this.db = db;
		this.cipher = cipher;
	}

	Mono<MemberWithPhone> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM members m JOIN accounts a ON a.id = m.id WHERE m.id = :id")
			.bind("id", id)
			.map(this::read)
			.one();
	}

	/** Members of the unit's whole subtree, by id, after the page's position. */
	Flux<MemberWithPhone> inSubtree(UUID orgId, PageRequest page) {
		var spec = this.db
			.sql("SELECT " + COLUMNS + " FROM members m JOIN accounts a ON a.id = m.id "
					+ "JOIN orgs o ON o.id = m.branch_id WHERE o.path @> ARRAY[:org]::uuid[]" + BY_ID.condition(page)
					+ BY_ID.orderAndLimit())
			.bind("org", orgId);
		return BY_ID.bind(spec, page).map(this::read).all();
	}

	Mono<Void> update(UUID id, UUID branchId, MemberStatus status, MemberCategory category,
			@Nullable LocalDate fullMemberOn) {
		return this.db.sql("""
				UPDATE members SET branch_id = :branch, status = :status, category = :category, full_member_on = :full
				WHERE id = :id""")
			.bind("id", id)
			.bind("branch", branchId)
			.bind("status", status.name())
			.bind("category", category.name())
			.bind("full", Parameters.nullable(fullMemberOn, LocalDate.class))
			.then();
	}

	Mono<Void> registerWithCommunity(UUID id, UUID communityId) {
		return this.db.sql("UPDATE members SET community_id = :community WHERE id = :id")
			.bind("id", id)
			.bind("community", communityId)
			.then();
	}

	private MemberWithPhone read(Readable row) {
		UUID id = row.get("id", UUID.class);
		String category = row.get("category", String.class);
		Member member = new Member(id, row.get("branch_id", UUID.class), row.get("name", String.class),
				Gender.valueOf(row.get("gender", String.class)), row.get("birth_date", LocalDate.class),
				row.get("joined_party_on", LocalDate.class), row.get("full_member_on", LocalDate.class),
				MemberStatus.valueOf(row.get("status", String.class)), MemberCategory.valueOf(category),
				row.get("community_id", UUID.class));
		return new MemberWithPhone(member, this.cipher.decrypt(row.get("phone_cipher", byte[].class), id));
	}

	/**
	 * A member with the phone number in clear, which never leaves the server unmasked but
	 * to its owner.
	 */
	record MemberWithPhone(Member member, String phone) {

		@Override
		public String toString() {
			return "MemberWithPhone[" + this.member.id() + "]";
		}

	}

}
