package cn.partybuilding.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;

/**
 * What members hear about activities, published in the transaction of the change (so it
 * is never lost, nor sent for a change that rolled back): approval invites every member
 * of the subtree; on the day, a reminder.
 */
@Component
public class ActivityEvents {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Activities activities;

	private final Notifications notifications;

	private final Clock clock;

	ActivityEvents(Activities activities, Notifications notifications, Clock clock) {
		this.activities = activities;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** ACTIVITY_INVITATION to every invitee; publishing again changes nothing. */
	Mono<Void> approved(Activity activity) {
		return tell(activity, NotificationKind.ACTIVITY_INVITATION, "invitation");
	}

	/** ACTIVITY_REMINDER to every invitee, once per activity. */
	public Mono<Long> remind(Activity activity) {
		return tell(activity, NotificationKind.ACTIVITY_REMINDER, "reminder")
			.then(this.activities.invitees(activity, this.clock.instant()).count());
	}

	private Mono<Void> tell(Activity activity, NotificationKind kind, String what) {
		Map<String, String> params = new HashMap<>();
		params.put("title", activity.title());
		params.put("startsAt", WHEN.format(activity.startsAt().atZone(this.clock.getZone())));
		if (activity.venue() != null) {
			params.put("venue", activity.venue().name());
		}
		Instant now = this.clock.instant();
		return this.activities.invitees(activity, now)
			.concatMap((member) -> this.notifications
				.publish(NotificationRequest.of(kind, member, "activity:" + activity.id() + ":" + what, params)))
			.then();
	}

}
