package cn.partybuilding.notification.channel.sms;

import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Text messages cost money: a member's number gets at most a few a day. A delivery counts
 * once however often it is retried.
 */
@Component
class SmsAllowance {

	private final SmsQuotaRepository quota;

	SmsAllowance(SmsQuotaRepository quota) {
		this.quota = quota;
	}

	/** Whether the delivery may be sent today; counts it when it may. */
	Mono<Boolean> take(UUID memberId, LocalDate day, UUID deliveryId, int perDay) {
		return this.quota.use(memberId, day, deliveryId, perDay).then(this.quota.isUsed(memberId, day, deliveryId));
	}

}
