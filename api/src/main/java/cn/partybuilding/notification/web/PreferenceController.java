package cn.partybuilding.notification.web;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.notification.Channel;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.preference.KindPreference;
import cn.partybuilding.notification.preference.NotificationPreferences;
import cn.partybuilding.notification.preference.Preferences;
import cn.partybuilding.notification.preference.QuietHours;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * {@code /me/notification-preferences}: per kind on/off and channels, and quiet hours.
 * They govern delivery only; the inbox gets everything. PUT replaces them: kinds left out
 * go back to their defaults.
 */
@RestController
@RequestMapping("/api/v1")
class PreferenceController {

	private final Preferences preferences;

	PreferenceController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/me/notification-preferences")
	Mono<PreferencesView> get(Caller caller) {
		return this.preferences.of(caller.id()).map(PreferencesView::of);
	}

	@PutMapping("/me/notification-preferences")
	Mono<PreferencesView> put(@Valid @RequestBody PreferencesView body, Caller caller) {
		return Mono.fromCallable(body::toPreferences)
			.flatMap((preferences) -> this.preferences.save(caller.id(), preferences))
			.map(PreferencesView::of);
	}

	record PreferencesView(@NotNull @Size(max = 20) List<@Valid @NotNull KindView> kinds,
			@Valid @Nullable QuietHoursView quietHours) {

		static PreferencesView of(NotificationPreferences preferences) {
			List<KindView> kinds = preferences.allKinds()
				.entrySet()
				.stream()
				.map((entry) -> new KindView(entry.getKey(), entry.getValue().enabled(), entry.getValue().channels()))
				.toList();
			QuietHours quiet = preferences.quietHours();
			return new PreferencesView(kinds, (quiet != null) ? new QuietHoursView(quiet.from(), quiet.to()) : null);
		}

		NotificationPreferences toPreferences() {
			Map<NotificationKind, KindPreference> set = new EnumMap<>(NotificationKind.class);
			for (int i = 0; i < this.kinds.size(); i++) {
				KindView kind = this.kinds.get(i);
				if (set.put(kind.kind(), new KindPreference(kind.enabled(), kind.channels())) != null) {
					throw DomainException.invalid(Violation.of("kinds[" + i + "].kind", "duplicateKind"));
				}
			}
			QuietHours quiet = null;
			if (this.quietHours != null) {
				if (this.quietHours.from().equals(this.quietHours.to())) {
					throw DomainException.invalid(Violation.of("quietHours.to", "quietHours"));
				}
				quiet = new QuietHours(this.quietHours.from(), this.quietHours.to());
			}
			return new NotificationPreferences(set, quiet);
		}

	}

	record KindView(@NotNull NotificationKind kind, @NotNull Boolean enabled,
			@NotNull @Size(max = 10) Set<@NotNull Channel> channels) {
	}

	record QuietHoursView(@NotNull LocalTime from, @NotNull LocalTime to) {
	}

}
