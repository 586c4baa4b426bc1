package cn.partybuilding.notification.channel.sms;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.MemberDirectory;
import cn.partybuilding.notification.NotificationSettings;
import cn.partybuilding.notification.delivery.Notifier;
import cn.partybuilding.notification.delivery.OutgoingMessage;
import cn.partybuilding.notification.delivery.SendOutcome;
import cn.partybuilding.notification.sms.SmsMessage;
import cn.partybuilding.notification.sms.SmsNotSent;
import cn.partybuilding.notification.sms.SmsSender;

/**
 * Notifications as text messages: the kind is the gateway template, the notification's
 * parameters its parameters (e.g. {@code POLITICAL_BIRTHDAY} with {@code name} and
 * {@code years}). The number comes from the member directory at the moment of sending and
 * goes nowhere else.
 */
@Component
class SmsNotifier implements Notifier {

	private final SmsSender sender;

	private final MemberDirectory directory;

	private final SmsAllowance allowance;

	private final NotificationSettings settings;

	private final Clock clock;

	SmsNotifier(SmsSender sender, MemberDirectory directory, SmsAllowance allowance, NotificationSettings settings,
			Clock clock) {
		this.sender = sender;
		this.directory = directory;
		this.allowance = allowance;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public Mono<SendOutcome> send(OutgoingMessage message) {
		return this.directory.contact(message.memberId())
			.mapNotNull(MemberDirectory.Contact::phone)
			.flatMap((phone) -> this.allowance
				.take(message.memberId(), LocalDate.now(this.clock), UUID.fromString(message.messageId()),
						this.settings.delivery().smsPerMemberPerDay())
				.flatMap((allowed) -> allowed ? send(message, phone)
						: Mono.just(new SendOutcome.Refused("daily SMS allowance used up"))))
			.defaultIfEmpty(new SendOutcome.Refused("no phone number"));
	}

	private Mono<SendOutcome> send(OutgoingMessage message, String phone) {
		return this.sender.send(new SmsMessage(message.messageId(), phone, message.kind().name(), message.params()))
			.thenReturn(SendOutcome.sent())
			.onErrorResume(SmsNotSent.class, (ex) -> Mono
				.just(ex.retryable() ? new SendOutcome.Retry(ex.reason()) : new SendOutcome.Refused(ex.reason())));
	}

}
