package cn.partybuilding.checkin;

import reactor.core.publisher.Mono;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Why a check-in was not stored, worked out only then (the slow path: the insert itself
 * is one statement that reads nothing first). The insert skips a row when the member has
 * a check-in already, when the device checked in someone else already, or when the member
 * is no longer active (left or transferred out, with a token still alive). The member's
 * own check-in is no refusal: they get it back. Otherwise the device was taken
 * ({@code DEVICE_ALREADY_USED}), or the member may not check in at all
 * ({@code NOT_INVITED}).
 */
public final class NotStored {

	private NotStored() {
	}

	/**
	 * The member's existing check-in, or the refusal: {@code DEVICE_ALREADY_USED} or
	 * {@code NOT_INVITED}.
	 * @param theirs the member's own check-in, if any
	 * @param deviceTaken whether another member checked in from the device
	 */
	public static <T> Mono<T> explain(Mono<T> theirs, Mono<Boolean> deviceTaken) {
		return explain(theirs, deviceTaken, Mono.just(ErrorCode.NOT_INVITED));
	}

	/**
	 * As {@link #explain(Mono, Mono)}, when more than the member's status may have made
	 * the insert skip the row.
	 * @param theirs the member's own check-in, if any
	 * @param deviceTaken whether another member checked in from the device
	 * @param otherwise the refusal when neither is the reason
	 */
	public static <T> Mono<T> explain(Mono<T> theirs, Mono<Boolean> deviceTaken, Mono<ErrorCode> otherwise) {
		return theirs.switchIfEmpty(Mono.defer(() -> deviceTaken.defaultIfEmpty(false)
			.flatMap((taken) -> taken ? Mono.just(ErrorCode.DEVICE_ALREADY_USED)
					: otherwise.defaultIfEmpty(ErrorCode.NOT_INVITED))
			.flatMap((code) -> Mono.error(new DomainException(code)))));
	}

}
