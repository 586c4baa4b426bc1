package cn.partybuilding.notification.channel.sms;

import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sms_quota_uses} table: one row per delivery counted against a member's
 * number on a day.
 */
@Repository
class SmsQuotaRepository {

	private final DatabaseClient db;

	SmsQuotaRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Counts the delivery unless the member has {@code limit} others counted on the day
	 * already.
	 */
	Mono<Void> use(UUID memberId, LocalDate day, UUID deliveryId, int limit) {
		return this.db.sql("""
				INSERT INTO sms_quota_uses (member_id, day, delivery_id)
				SELECT :member, :day, :delivery
				WHERE (SELECT count(*) FROM sms_quota_uses WHERE member_id = :member AND day = :day) < :limit
				   OR EXISTS (SELECT 1 FROM sms_quota_uses
				              WHERE member_id = :member AND day = :day AND delivery_id = :delivery)
				ON CONFLICT DO NOTHING""")
			.bind("member", memberId)
			.bind("day", day)
			.bind("delivery", deliveryId)
			.bind("limit", limit)
			.then();
	}

	/** Whether the delivery counts against the member's number on the day. */
	Mono<Boolean> isUsed(UUID memberId, LocalDate day, UUID deliveryId) {
		return this.db
			.sql("SELECT 1 FROM sms_quota_uses WHERE member_id = :member AND day = :day "
					+ "AND delivery_id = :delivery")
			.bind("member", memberId)
			.bind("day", day)
			.bind("delivery", deliveryId)
			.map((row) -> true)
			.one()
			.defaultIfEmpty(false);
	}

}
