package cn.partybuilding.notification.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.delivery.NewDelivery;
import cn.partybuilding.notification.device.Device;
import cn.partybuilding.notification.device.Platform;
import cn.partybuilding.notification.preference.KindPreference;
import cn.partybuilding.notification.preference.NotificationPreferences;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPlanTests {

	static final UUID MEMBER = UUID.randomUUID();

	static final List<Device> TWO_DEVICES = List.of(new Device("a", MEMBER, Platform.IOS, Instant.EPOCH),
			new Device("b", MEMBER, Platform.ANDROID, Instant.EPOCH));

	@Test
	void aBirthdayGoesToEveryDeviceAndBySmsWithoutAWechatConsent() {
		List<NewDelivery> plan = DeliveryPlan.of(NotificationKind.POLITICAL_BIRTHDAY,
				NotificationPreferences.defaults(), TWO_DEVICES, false);
		assertThat(plan).extracting(NewDelivery::channel).containsExactly(Channel.PUSH, Channel.PUSH, Channel.SMS);
		assertThat(plan).extracting(NewDelivery::target).containsExactly("a", "b", null);
	}

	@Test
	void aWechatConsentReplacesTheSmsWhichStaysAsItsFallback() {
		List<NewDelivery> plan = DeliveryPlan.of(NotificationKind.POLITICAL_BIRTHDAY,
				NotificationPreferences.defaults(), List.of(), true);
		assertThat(plan).containsExactly(new NewDelivery(Channel.WECHAT, null, null, Channel.SMS));
	}

	@Test
	void otherKindsAreNotSentBySmsUnlessTheMemberAsked() {
		assertThat(DeliveryPlan.of(NotificationKind.LEAVE_RESULT, NotificationPreferences.defaults(), List.of(), false))
			.isEmpty();
		NotificationPreferences sms = new NotificationPreferences(
				Map.of(NotificationKind.LEAVE_RESULT, new KindPreference(true, Set.of(Channel.SMS))), null);
		assertThat(DeliveryPlan.of(NotificationKind.LEAVE_RESULT, sms, TWO_DEVICES, false))
			.extracting(NewDelivery::channel)
			.containsExactly(Channel.SMS);
	}

	@Test
	void aKindTurnedOffIsDeliveredNowhere() {
		NotificationPreferences off = new NotificationPreferences(Map.of(NotificationKind.POLITICAL_BIRTHDAY,
				new KindPreference(false, Set.of(Channel.PUSH, Channel.SMS))), null);
		assertThat(DeliveryPlan.of(NotificationKind.POLITICAL_BIRTHDAY, off, TWO_DEVICES, true)).isEmpty();
	}

}
