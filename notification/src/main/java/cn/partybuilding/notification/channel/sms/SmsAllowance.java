package cn.partybuilding.notification.channel.sms;

import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Text messages cost money: a member's number gets at most a few a day. A delivery counts once however often it
 * is retried.
 */
@Component
class SmsAllowance {

	private final DatabaseClient db;

	SmsAllowance(DatabaseClient db) {
		this.db = db;
	}

	/** Whether the delivery may be sent today; counts it when it may. */
	Mono<Boolean> take(UUID memberId, LocalDate day, UUID deliveryId, int perDay) {
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
			.bind("limit", perDay)
			.then()
			.then(this.db.sql("SELECT 1 FROM sms_quota_uses WHERE member_id = :member AND day = :day "
					+ "AND delivery_id = :delivery")
				.bind("member", memberId)
				.bind("day", day)
				.bind("delivery", deliveryId)
				.map((row) -> true)
				.one()
				.defaultIfEmpty(false));
	}

}
