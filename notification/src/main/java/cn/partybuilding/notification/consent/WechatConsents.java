package cn.partybuilding.notification.consent;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import cn.partybuilding.notification.NotificationKind;

/**
 * One-time WeChat subscribe-message consents: the mini program asks the member ({@code wx.requestSubscribeMessage})
 * and reports how many were granted per template; every subscribe message sent uses one.
 */
@Service
public class WechatConsents {

	/** WeChat itself keeps no more than this many pending consents per template worth using. */
	public static final int MAX_REMAINING = 1000;

	private final DatabaseClient db;

	WechatConsents(DatabaseClient db) {
		this.db = db;
	}

	/** Adds {@code granted} consents for the kind's template; the consents now left. */
	public Mono<Integer> grant(UUID memberId, NotificationKind kind, int granted) {
		return this.db.sql("""
				INSERT INTO wechat_consents (member_id, template_kind, remaining) VALUES (:member, :kind, LEAST(:n, :max))
				ON CONFLICT (member_id, template_kind)
				DO UPDATE SET remaining = LEAST(wechat_consents.remaining + excluded.remaining, :max)
				RETURNING remaining""")
			.bind("member", memberId)
			.bind("kind", kind.name())
			.bind("n", granted)
			.bind("max", MAX_REMAINING)
			.map((row) -> row.get("remaining", Integer.class))
			.one();
	}

	/** Uses one consent if one is left; {@code false} when none is. Joins the caller's transaction. */
	public Mono<Boolean> take(UUID memberId, NotificationKind kind) {
		return this.db.sql("""
				UPDATE wechat_consents SET remaining = remaining - 1
				WHERE member_id = :member AND template_kind = :kind AND remaining > 0""")
			.bind("member", memberId)
			.bind("kind", kind.name())
			.fetch()
			.rowsUpdated()
			.map((count) -> count > 0);
	}

	public Mono<Integer> remaining(UUID memberId, NotificationKind kind) {
		return this.db.sql("SELECT remaining FROM wechat_consents WHERE member_id = :member AND template_kind = :kind")
			.bind("member", memberId)
			.bind("kind", kind.name())
			.map((row) -> row.get("remaining", Integer.class))
			.one()
			.defaultIfEmpty(0);
	}

}
