package cn.partybuilding.notification.consent;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import cn.partybuilding.notification.NotificationKind;

/** The {@code wechat_consents} table: the consents left per member and template. */
@Repository
class WechatConsentRepository {

	private final DatabaseClient db;

	WechatConsentRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Adds {@code granted} consents, keeping at most {@code max}; the consents now left.
	 */
	Mono<Integer> add(UUID memberId, NotificationKind kind, int granted, int max) {
		return this.db
			.sql("""
					INSERT INTO wechat_consents (member_id, template_kind, remaining) VALUES (:member, :kind, LEAST(:n, :max))
					ON CONFLICT (member_id, template_kind)
					DO UPDATE SET remaining = LEAST(wechat_consents.remaining + excluded.remaining, :max)
					RETURNING remaining""")
			.bind("member", memberId)
			.bind("kind", kind.name())
			.bind("n", granted)
			.bind("max", max)
			.map((row) -> row.get("remaining", Integer.class))
			.one();
	}

	/** Uses one consent if one is left; whether one was. */
	Mono<Boolean> takeOne(UUID memberId, NotificationKind kind) {
		return this.db.sql("""
				UPDATE wechat_consents SET remaining = remaining - 1
				WHERE member_id = :member AND template_kind = :kind AND remaining > 0""")
			.bind("member", memberId)
			.bind("kind", kind.name())
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	Mono<Integer> remaining(UUID memberId, NotificationKind kind) {
		return this.db.sql("SELECT remaining FROM wechat_consents WHERE member_id = :member AND template_kind = :kind")
			.bind("member", memberId)
			.bind("kind", kind.name())
			.map((row) -> row.get("remaining", Integer.class))
			.one()
			.defaultIfEmpty(0);
	}

}
