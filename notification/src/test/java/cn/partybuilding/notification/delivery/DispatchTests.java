package cn.partybuilding.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.preference.KindPreference;
import cn.partybuilding.notification.preference.NotificationPreferences;
import cn.partybuilding.notification.preference.QuietHours;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** 2026-11-25 10:00 in Shanghai. */
	static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

	static final Instant END_OF_DAY = Instant.parse("2026-11-25T16:00:00Z");

	final Dispatch dispatch = new Dispatch(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10)), 5, SHANGHAI,
			() -> 0L);

	@Test
	void aDeliveryPastItsDeadlineIsGivenUpNotSent() {
		Result result = this.dispatch.before(birthday(3), NotificationPreferences.defaults(), END_OF_DAY);
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(DeliveryStatus.GIVEN_UP);
		assertThat(result.finishedAt()).isEqualTo(END_OF_DAY);
	}

	@Test
	void aDeliveryInQuietHoursIsHeldUntilTheyEndWithoutCountingTheAttempt() {
		NotificationPreferences quiet = new NotificationPreferences(Map.of(),
				new QuietHours(LocalTime.of(9, 0), LocalTime.of(11, 0)));
		Result result = this.dispatch.before(birthday(1), quiet, NOW);
		assertThat(result).isNotNull();
		assertThat(result.status()).isEqualTo(DeliveryStatus.HELD);
		assertThat(result.nextAttemptAt()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
		assertThat(result.attempts()).isZero();
	}

	@Test
	void aBirthdayWhoseDayEndsInQuietHoursIsGivenUp() {
		NotificationPreferences quiet = new NotificationPreferences(Map.of(),
				new QuietHours(LocalTime.of(9, 0), LocalTime.of(7, 0)));
		assertThat(this.dispatch.before(birthday(1), quiet, NOW)).extracting(Result::status)
			.isEqualTo(DeliveryStatus.GIVEN_UP);
	}

	@Test
	void aChannelTurnedOffSinceIsSkipped() {
		NotificationPreferences off = new NotificationPreferences(
				Map.of(NotificationKind.POLITICAL_BIRTHDAY, new KindPreference(false, Set.of(Channel.PUSH))), null);
		assertThat(this.dispatch.before(birthday(1), off, NOW)).extracting(Result::status)
			.isEqualTo(DeliveryStatus.SKIPPED);
		assertThat(this.dispatch.before(birthday(1), NotificationPreferences.defaults(), NOW)).isNull();
	}

	@Test
	void aRetryableAnswerIsTriedAgainAfterTheBackoff() {
		Result result = this.dispatch.after(birthday(1), new SendOutcome.Retry("503"), NOW);
		assertThat(result.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(result.nextAttemptAt()).isBetween(NOW.plusSeconds(1), NOW.plusSeconds(2));
	}

	@Test
	void aRetryThatWouldFallAfterTheDeadlineIsGivenUp() {
		Instant lateEvening = END_OF_DAY.minusSeconds(1);
		assertThat(this.dispatch.after(birthday(3), new SendOutcome.Retry("503"), lateEvening).status())
			.isEqualTo(DeliveryStatus.GIVEN_UP);
	}

	@Test
	void withoutADeadlineRetriesStopAfterTheMaximumAttempts() {
		Claimed invitation = claimed(NotificationKind.ACTIVITY_INVITATION, Channel.PUSH, null, 5, null);
		assertThat(this.dispatch.after(invitation, new SendOutcome.Retry("503"), NOW).status())
			.isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.dispatch.after(birthday(50), new SendOutcome.Retry("503"), NOW).status())
			.as("a deadline bounds it instead")
			.isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void aRefusedWechatMessageFallsBackToSms() {
		Claimed wechat = claimed(NotificationKind.POLITICAL_BIRTHDAY, Channel.WECHAT, Channel.SMS, 1, END_OF_DAY);
		Result result = this.dispatch.after(wechat, new SendOutcome.Refused("43101"), NOW);
		assertThat(result.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(result.channel()).isEqualTo(Channel.SMS);
		assertThat(result.fallback()).isNull();
		assertThat(result.nextAttemptAt()).isEqualTo(NOW);
		Claimed sms = claimed(NotificationKind.POLITICAL_BIRTHDAY, Channel.SMS, null, 1, END_OF_DAY);
		assertThat(this.dispatch.after(sms, new SendOutcome.Refused("400"), NOW).status())
			.isEqualTo(DeliveryStatus.FAILED);
	}

	@Test
	void anInvalidTokenFailsTheDeliveryAndNamesTheTokenToDrop() {
		Result result = this.dispatch.after(birthday(1), new SendOutcome.TargetGone("INVALID_TOKEN"), NOW);
		assertThat(result.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(result.goneTarget()).isEqualTo("token-1");
	}

	static Claimed birthday(int attempts) {
		return claimed(NotificationKind.POLITICAL_BIRTHDAY, Channel.PUSH, null, attempts, END_OF_DAY);
	}

	static Claimed claimed(NotificationKind kind, Channel channel, @Nullable Channel fallback, int attempts,
			@Nullable Instant deadline) {
		return new Claimed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), channel,
				(channel == Channel.PUSH) ? "token-1" : null, (channel == Channel.PUSH) ? "IOS" : null, fallback,
				attempts, deadline, kind, Map.of("name", "王建国", "years", "30"));
	}

}
