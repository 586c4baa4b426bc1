package cn.partybuilding.notification.preference;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;

/**
 * A member's preferences: per kind on/off and channels, and quiet hours. Kinds the member
 * never set take their defaults: on, push and WeChat, and SMS only for political
 * birthdays; no quiet hours.
 *
 * @param kinds the kinds the member set
 * @param quietHours when not to deliver; {@code null} for never quiet
 */
public record NotificationPreferences(Map<NotificationKind, KindPreference> kinds, @Nullable QuietHours quietHours) {

	public NotificationPreferences {
		kinds = Map.copyOf(kinds);
	}

	public static NotificationPreferences defaults() {
		return new NotificationPreferences(Map.of(), null);
	}

	public KindPreference of(NotificationKind kind) {
		KindPreference set = this.kinds.get(kind);
		return (set != null) ? set : KindPreference.defaultFor(kind);
	}

	public boolean allows(NotificationKind kind, Channel channel) {
		return of(kind).allows(channel);
	}

	/** Every kind, set or default, in the order of {@link NotificationKind}. */
	public Map<NotificationKind, KindPreference> allKinds() {
		Map<NotificationKind, KindPreference> all = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			all.put(kind, of(kind));
		}
		return all;
	}

}
