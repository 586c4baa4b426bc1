package cn.partybuilding.volunteer;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.intake.PointsIntake;

/**
 * What an approval tells the rest of the system, inside its transaction: a
 * {@code VOLUNTEER_HOURS_APPROVED} points event measured in hours (the rule book scores
 * it per hour, with a yearly cap), dated at the project's start so the hours count in the
 * year they were served, and a {@code VOLUNTEER_HOURS_APPROVED} notification to the
 * volunteer. Both are keyed by the sign-up, so nothing is scored or sent twice.
 */
@Component
class VolunteerEvents {

	private final PointsIntake points;

	private final Notifications notifications;

	VolunteerEvents(PointsIntake points, Notifications notifications) {
		this.points = points;
		this.notifications = notifications;
	}

	Mono<Void> approved(Project project, Signup signup) {
		BigDecimal hours = Objects.requireNonNull(signup.audit().approvedHours(), "approved hours");
		// Nothing to score for no hours; the volunteer still hears the outcome.
		Mono<Void> scored = (hours.signum() > 0)
				? this.points.record(PointsEvent.measured(PointsIntake.eventId("volunteer-signup", signup.id()),
						signup.memberId().toString(), EventType.VOLUNTEER_HOURS_APPROVED, project.startsAt(), hours))
				: Mono.empty();
		return scored.then(this.notifications.publish(NotificationRequest.of(NotificationKind.VOLUNTEER_HOURS_APPROVED,
				signup.memberId(), "volunteer-signup:" + signup.id() + ":approved",
				Map.of("project", project.title(), "hours", hours.stripTrailingZeros().toPlainString()))));
	}

}
