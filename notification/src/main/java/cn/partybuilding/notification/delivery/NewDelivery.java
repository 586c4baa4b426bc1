package cn.partybuilding.notification.delivery;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.Channel;

/**
 * A delivery to plan for a notification.
 *
 * @param target the push token, for push
 * @param platform the device platform, for push
 * @param fallback the channel to use when this one refuses the message (WeChat falls back
 * to SMS)
 */
public record NewDelivery(Channel channel, @Nullable String target, @Nullable String platform,
		@Nullable Channel fallback) {

	@Override
	public String toString() {
		return "NewDelivery[" + this.channel + "]";
	}

}
