package cn.partybuilding.reservation;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.points.core.EventType;
import cn.partybuilding.points.core.PointsEvent;
import cn.partybuilding.points.intake.PointsIntake;

/**
 * Every attendee of a completed visit who checked in at the base earns a
 * {@code BASE_VISIT_COMPLETED} points event, keyed by reservation and member, in the
 * transaction that completes the visit: completing twice scores once, and a member named
 * without having checked in scores nothing.
 */
@Component
class ReservationPoints implements ReservationEvents {

	private final PointsIntake points;

	ReservationPoints(PointsIntake points) {
		this.points = points;
	}

	@Override
	public Mono<Void> visited(BaseVisit visit) {
		if (!visit.checkedIn()) {
			return Mono.empty();
		}
		return this.points
			.record(PointsEvent.of(PointsIntake.eventId("base-visit", visit.reservationId() + ":" + visit.memberId()),
					visit.memberId().toString(), EventType.BASE_VISIT_COMPLETED, visit.start(),
					Map.of("baseId", visit.baseId().toString())));
	}

}
