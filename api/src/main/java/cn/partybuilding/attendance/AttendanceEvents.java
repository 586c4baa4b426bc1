package cn.partybuilding.attendance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.activity.Activity;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;
import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.intake.PointsIntake;
import cn.partybuilding.points.intake.ReturningKeys;

/**
 * What attendance tells the rest of the system, inside the transaction of the change: a
 * check-in is an {@code ACTIVITY_ATTENDED} points event (with the meeting type), a member
 * absent without leave an {@code ACTIVITY_ABSENT_WITHOUT_LEAVE} one, a decided leave
 * request a {@code LEAVE_RESULT} notification.
 */
@Component
class AttendanceEvents {

	private final Notifications notifications;

	private final PointsIntake points;

	AttendanceEvents(Notifications notifications, PointsIntake points) {
		this.notifications = notifications;
		this.points = points;
	}

	/**
	 * Runs the insert of the check-ins with an {@code ACTIVITY_ATTENDED} event for each
	 * one it stores, keyed by the check-in (one check-in, one event), in one statement;
	 * the ids of the check-ins stored.
	 */
	Flux<UUID> attendedAlong(ReturningKeys insertion, List<CheckInWriter.NewCheckIn> checkIns) {
		Map<String, PointsEvent> events = new LinkedHashMap<>();
		for (CheckInWriter.NewCheckIn entry : checkIns) {
			events.put(entry.checkIn().id().toString(), attendance(entry.activity(), entry.checkIn()));
		}
		return this.points.recordAlong(insertion, events).map(UUID::fromString);
	}

	private static PointsEvent attendance(Activity activity, CheckIn checkIn) {
		return PointsEvent.of(PointsIntake.eventId("checkin", checkIn.id()), checkIn.memberId().toString(),
				EventType.ACTIVITY_ATTENDED, checkIn.checkedInAt(),
				Map.of(PointsEvent.ACTIVITY_TYPE, activity.type().name()));
	}

	/**
	 * {@code ACTIVITY_ABSENT_WITHOUT_LEAVE}, keyed by activity and member: marking twice
	 * deducts once.
	 */
	Mono<Void> absent(Activity activity, UUID memberId) {
		return this.points.record(PointsEvent.of(PointsIntake.eventId("absence", activity.id() + ":" + memberId),
				memberId.toString(), EventType.ACTIVITY_ABSENT_WITHOUT_LEAVE, activity.endsAt(),
				Map.of(PointsEvent.ACTIVITY_TYPE, activity.type().name())));
	}

	/** LEAVE_RESULT to the member who asked, once per request. */
	Mono<Void> leaveDecided(Activity activity, LeaveRequest request) {
		Map<String, String> params = new HashMap<>();
		params.put("title", activity.title());
		params.put("result", request.status().name());
		if (request.decisionReason() != null) {
			params.put("reason", request.decisionReason());
		}
		return this.notifications.publish(NotificationRequest.of(NotificationKind.LEAVE_RESULT, request.memberId(),
				"leave:" + request.id(), params));
	}

}
