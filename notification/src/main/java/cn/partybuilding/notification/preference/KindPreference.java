package cn.partybuilding.notification.preference;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;

/**
 * Whether a member wants a kind of notification outside the inbox, and on which channels.
 * The inbox always gets it.
 *
 * @param enabled whether the kind is delivered at all
 * @param channels the channels it may go out on
 */
public record KindPreference(boolean enabled, Set<Channel> channels) {

	public KindPreference {
		channels = channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
	}

	/** On, on the kind's default channels. */
	public static KindPreference defaultFor(NotificationKind kind) {
		return new KindPreference(true, kind.defaultChannels());
	}

	public boolean allows(Channel channel) {
		return this.enabled && this.channels.contains(channel);
	}

}
