package cn.partybuilding.notification.preference;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads and stores members' notification preferences; a member who never set any has the
 * defaults.
 */
@Service
public class Preferences {

	private final PreferenceRepository preferences;

	private final Clock clock;

	Preferences(PreferenceRepository preferences, Clock clock) {
		this.preferences = preferences;
		this.clock = clock;
	}

	public Mono<NotificationPreferences> of(UUID memberId) {
		return this.preferences.find(memberId).defaultIfEmpty(NotificationPreferences.defaults());
	}

	/**
	 * The preferences of many members at once (the delivery workers' batches); defaults
	 * for those without.
	 */
	public Mono<Map<UUID, NotificationPreferences>> ofMembers(Collection<UUID> memberIds) {
		if (memberIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.preferences.findAll(memberIds).map((found) -> {
			Map<UUID, NotificationPreferences> all = new HashMap<>(found);
			memberIds.forEach((id) -> all.putIfAbsent(id, NotificationPreferences.defaults()));
			return all;
		});
	}

	/** Replaces the member's preferences; kinds left out keep their defaults. */
	public Mono<NotificationPreferences> save(UUID memberId, NotificationPreferences preferences) {
		return this.preferences.save(memberId, preferences, this.clock.instant()).thenReturn(preferences);
	}

}
