package cn.partybuilding.activity;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.org.OrgType;
import cn.partybuilding.org.OrgUnit;
import cn.partybuilding.org.Orgs;
import cn.partybuilding.personaldata.PersonalDataCipher;

/**
 * Activities as other features need them: found quickly (check-in is the hottest path of
 * the app, so an activity is kept in memory for a moment), with its code secret, and who
 * is invited: the members of its org's subtree — of the branch for a group's meeting,
 * since members belong to branches — frozen when it starts.
 */
@Service
public class Activities {

	/**
	 * How stale a cached activity may be: a cancellation reaches every instance within
	 * this.
	 */
	static final Duration CACHE_FOR = Duration.ofSeconds(2);

	private final java.security.SecureRandom random = new java.security.SecureRandom();

	private final ActivityRepository repository;

	private final PersonalDataCipher cipher;

	private final Orgs orgs;

	private final DatabaseClient db;

	/**
	 * Concurrent misses of one activity share one load: a thousand members checking in
	 * the moment an activity opens (or its entry expires) read it from the database once,
	 * not a thousand times.
	 */
	private final AsyncCache<UUID, WithSecret> cache = Caffeine.newBuilder()
		.expireAfterWrite(CACHE_FOR)
		.maximumSize(10_000)
		.buildAsync();

	Activities(ActivityRepository repository, PersonalDataCipher cipher, Orgs orgs, DatabaseClient db) {
		this.repository = repository;
		this.cipher = cipher;
		this.orgs = orgs;
		this.db = db;
	}

	/**
	 * Stores a new activity with a fresh secret for its check-in codes; an activity with
	 * the same id is left as it is (so loading demo data twice changes nothing).
	 */
	public Mono<Activity> plan(Activity activity) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		return this.repository.insert(activity, this.cipher.encrypt(secret, context(activity.id())))
			.thenReturn(activity);
	}

	/** The activity, possibly as it was up to {@link #CACHE_FOR} ago. */
	public Mono<Activity> find(UUID id) {
		return findWithSecret(id).map(WithSecret::activity);
	}

	/** The activity and the secret its check-in codes are derived from. */
	public Mono<WithSecret> findWithSecret(UUID id) {
		// An unknown activity completes the load with null, which Caffeine does not keep;
		// a caller that goes away
		// does not cancel the load the others wait for.
		return Mono.fromFuture(this.cache.get(id,
				(key, executor) -> this.repository.find(key)
					.map((stored) -> new WithSecret(stored.activity(),
							this.cipher.decrypt(stored.sealedSecret(), context(stored.activity().id()))))
					.toFuture()),
				true);
	}

	/** Whether a member of {@code branch} belongs to the activity's invited subtree. */
	public Mono<Boolean> invites(Activity activity, UUID branchId) {
		return this.orgs.find(activity.orgId()).flatMap((org) -> this.orgs.find(branchId).map((branch) -> {
			UUID invitedUnit = (org.type() == OrgType.GROUP && org.parentId() != null) ? org.parentId() : org.id();
			return branch.id().equals(invitedUnit) || branch.ancestors().contains(invitedUnit);
		})).defaultIfEmpty(false);
	}

	/**
	 * The unit whose subtree is invited: the activity's org, or the branch of a group
	 * (members belong to branches, not to groups).
	 */
	public Mono<OrgUnit> invitedUnit(Activity activity) {
		return this.orgs.find(activity.orgId())
			.flatMap((org) -> (org.type() == OrgType.GROUP && org.parentId() != null) ? this.orgs.find(org.parentId())
					: Mono.just(org));
	}

	/**
	 * Freezes who is invited once the activity has started: the active members of the
	 * invited subtree at that moment. Freezing twice changes nothing; before the start,
	 * nothing is frozen.
	 */
	public Mono<Void> freezeInvitees(Activity activity, Instant now) {
		if (!activity.hasStarted(now)) {
			return Mono.empty();
		}
		return invitedUnit(activity).flatMap((unit) -> this.db.sql("""
				WITH frozen AS (
				    UPDATE activities SET invitees_frozen_at = :now WHERE id = :id AND invitees_frozen_at IS NULL
				    RETURNING id)
				INSERT INTO activity_invitees (activity_id, member_id)
				SELECT frozen.id, m.id FROM frozen
				JOIN members m ON m.status IN ('PROBATIONARY', 'FULL')
				JOIN orgs o ON o.id = m.branch_id AND o.path @> ARRAY[:unit]::uuid[]
				ON CONFLICT DO NOTHING""").bind("now", now).bind("id", activity.id()).bind("unit", unit.id()).then());
	}

	/**
	 * The invited members: frozen ones once started, the current ones of the subtree
	 * before.
	 */
	public Flux<UUID> invitees(Activity activity, Instant now) {
		if (activity.hasStarted(now)) {
			return freezeInvitees(activity, now)
				.thenMany(this.db.sql("SELECT member_id FROM activity_invitees WHERE activity_id = :id")
					.bind("id", activity.id())
					.map((row) -> row.get("member_id", UUID.class))
					.all());
		}
		return invitedUnit(activity).flatMapMany((unit) -> this.db.sql("""
				SELECT m.id FROM members m JOIN orgs o ON o.id = m.branch_id
				WHERE o.path @> ARRAY[:unit]::uuid[] AND m.status IN ('PROBATIONARY', 'FULL')""")
			.bind("unit", unit.id())
			.map((row) -> row.get("id", UUID.class))
			.all());
	}

	/**
	 * Approved activities that ended before {@code cutoff}: their absences are still to
	 * be marked.
	 */
	public Flux<Activity> awaitingCompletion(Instant cutoff) {
		return this.repository.endedBefore(cutoff, Instant.EPOCH);
	}

	/**
	 * Marks an approved activity completed; {@code false} when it was not approved (any
	 * more).
	 */
	public Mono<Boolean> complete(UUID id) {
		return this.repository
			.transition(id, java.util.EnumSet.of(ActivityStatus.APPROVED), ActivityStatus.COMPLETED, null)
			.doOnNext((done) -> forget(id))
			.hasElement();
	}

	/**
	 * Reads an activity from a row holding {@link #COLUMNS}, for read models that join
	 * activities with more.
	 */
	public static Activity read(io.r2dbc.spi.Readable row) {
		return ActivityRepository.activity(row);
	}

	/**
	 * The columns {@link #read} needs, qualified with an alias of the activities table.
	 */
	public static String columns(String alias) {
		return java.util.Arrays.stream(ActivityRepository.COLUMNS.split(", "))
			.map((column) -> alias + "." + column)
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/**
	 * Forgets a cached activity after a change made here, so this instance sees it at
	 * once.
	 */
	void forget(UUID id) {
		this.cache.synchronous().invalidate(id);
	}

	static byte[] context(UUID activityId) {
		return ByteBuffer.allocate(16)
			.putLong(activityId.getMostSignificantBits())
			.putLong(activityId.getLeastSignificantBits())
			.array();
	}

	/**
	 * An activity with the secret of its rotating codes.
	 *
	 * @param codeSecret 32 random bytes, known only to the server
	 */
	public record WithSecret(Activity activity, byte[] codeSecret) {
	}

}
