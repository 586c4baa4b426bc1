package cn.partybuilding.notification.publishing;

import java.util.ArrayList;
import java.util.List;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.delivery.NewDelivery;
import cn.partybuilding.notification.device.Device;
import cn.partybuilding.notification.preference.NotificationPreferences;

/**
 * Which deliveries a new notification gets: a push to each of the member's devices, and
 * one direct message: a WeChat subscribe message when a consent was taken for it (falling
 * back to SMS if WeChat refuses), else an SMS. Each only on channels the member allows
 * for the kind. Pure.
 */
final class DeliveryPlan {

	private DeliveryPlan() {
	}

	static List<NewDelivery> of(NotificationKind kind, NotificationPreferences preferences, List<Device> devices,
			boolean wechatConsentTaken) {
		List<NewDelivery> plan = new ArrayList<>();
		if (preferences.allows(kind, Channel.PUSH)) {
			devices.forEach((device) -> plan
				.add(new NewDelivery(Channel.PUSH, device.token(), device.platform().name(), null)));
		}
		boolean sms = preferences.allows(kind, Channel.SMS);
		if (wechatConsentTaken && preferences.allows(kind, Channel.WECHAT)) {
			plan.add(new NewDelivery(Channel.WECHAT, null, null, sms ? Channel.SMS : null));
		}
		else if (sms) {
			plan.add(new NewDelivery(Channel.SMS, null, null, null));
		}
		return plan;
	}

}
