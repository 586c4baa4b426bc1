package cn.partybuilding.notification.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;

/** A delivery a worker claimed, with what it needs to send it. */
record Claimed(UUID id, UUID notificationId, UUID memberId, Channel channel, @Nullable String target,
		@Nullable String platform, @Nullable Channel fallback, int attempts, @Nullable Instant deadline,
		NotificationKind kind, Map<String, String> params) {

	@Override
	public String toString() {
		return "Claimed[" + this.id + ", " + this.channel + ", " + this.kind + "]";
	}

}
