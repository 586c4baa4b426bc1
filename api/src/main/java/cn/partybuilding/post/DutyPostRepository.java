package cn.partybuilding.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.web.paging.Keyset;
import cn.partybuilding.web.paging.PageRequest;

/** Duty posts and their holders; a member holds a post once, whatever the concurrency. */
@Repository
class DutyPostRepository {

	private static final String COLUMNS = "id, org_id, name, duties, created_by, created_at";

	private static final Keyset BY_ID = Keyset.ascending(Keyset.uuid("id"));

	private static final String HOLDERS = "SELECT h.post_id, h.member_id, h.assigned_by, h.assigned_at, "
			+ "m.name AS member_name FROM duty_post_holders h JOIN members m ON m.id = h.member_id";

	private final DatabaseClient db;

	DutyPostRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Stores the post; one with the same id is left as it is (demo data loads twice). */
	Mono<DutyPost> insert(DutyPost post) {
		return this.db
			.sql("INSERT INTO duty_posts (" + COLUMNS + ") VALUES (:id, :org, :name, :duties, :by, :at) "
					+ "ON CONFLICT (id) DO NOTHING")
			.bind("id", post.id())
			.bind("org", post.orgId())
			.bind("name", post.name())
			.bind("duties", post.duties())
			.bind("by", post.createdBy())
			.bind("at", post.createdAt())
			.then()
			.thenReturn(post);
	}

	Mono<DutyPost> find(UUID id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM duty_posts WHERE id = :id")
			.bind("id", id)
			.map(DutyPostRepository::post)
			.one();
	}

	/** The posts of one unit, in the order they were set up. */
	Flux<DutyPost> ofOrg(UUID orgId, PageRequest page) {
		var spec = this.db
			.sql("SELECT " + COLUMNS + " FROM duty_posts WHERE org_id = :org" + BY_ID.condition(page)
					+ BY_ID.orderAndLimit())
			.bind("org", orgId);
		return BY_ID.bind(spec, page).map(DutyPostRepository::post).all();
	}

	/**
	 * Assigns the post to an active member whose branch lies in the subtree of
	 * {@code unit}; empty when the member holds it already or is no such member.
	 */
	Mono<Holder> assign(UUID postId, UUID unit, UUID memberId, UUID by, Instant at) {
		return this.db.sql("""
				INSERT INTO duty_post_holders (post_id, member_id, assigned_by, assigned_at)
				SELECT :post, m.id, :by, :at FROM members m JOIN orgs o ON o.id = m.branch_id
				WHERE m.id = :member AND m.status IN ('PROBATIONARY', 'FULL') AND o.path @> ARRAY[:unit]::uuid[]
				ON CONFLICT DO NOTHING
				RETURNING post_id, member_id, assigned_by, assigned_at,
				          (SELECT name FROM members WHERE id = :member) AS member_name""")
			.bind("post", postId)
			.bind("unit", unit)
			.bind("member", memberId)
			.bind("by", by)
			.bind("at", at)
			.map(DutyPostRepository::holder)
			.one();
	}

	Mono<Holder> holder(UUID postId, UUID memberId) {
		return this.db.sql(HOLDERS + " WHERE h.post_id = :post AND h.member_id = :member")
			.bind("post", postId)
			.bind("member", memberId)
			.map(DutyPostRepository::holder)
			.one();
	}

	/** The holders of the posts, in one query. */
	Flux<Holder> holders(List<UUID> postIds) {
		if (postIds.isEmpty()) {
			return Flux.empty();
		}
		return this.db.sql(HOLDERS + " WHERE h.post_id = ANY(:posts) ORDER BY h.assigned_at, h.member_id")
			.bind("posts", postIds.toArray(UUID[]::new))
			.map(DutyPostRepository::holder)
			.all();
	}

	/** The posts a member holds, oldest assignment first. */
	Flux<DutyPost> heldBy(UUID memberId) {
		return this.db
			.sql("SELECT p.id, p.org_id, p.name, p.duties, p.created_by, p.created_at FROM duty_posts p "
					+ "JOIN duty_post_holders h ON h.post_id = p.id WHERE h.member_id = :member "
					+ "ORDER BY h.assigned_at, p.id")
			.bind("member", memberId)
			.map(DutyPostRepository::post)
			.all();
	}

	private static DutyPost post(Readable row) {
		return new DutyPost(row.get("id", UUID.class), row.get("org_id", UUID.class), row.get("name", String.class),
				row.get("duties", String.class), row.get("created_by", UUID.class),
				row.get("created_at", Instant.class));
	}

	private static Holder holder(Readable row) {
		return new Holder(row.get("post_id", UUID.class), row.get("member_id", UUID.class),
				row.get("member_name", String.class), row.get("assigned_by", UUID.class),
				row.get("assigned_at", Instant.class));
	}

	/**
	 * A member holding a post.
	 *
	 * @param assignedBy who assigned it
	 * @param assignedAt when
	 */
	record Holder(UUID postId, UUID memberId, String memberName, UUID assignedBy, Instant assignedAt) {
	}

}
