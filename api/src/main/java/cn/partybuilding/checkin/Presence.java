package cn.partybuilding.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * The rules of proving presence, the same for a meeting and a base visit: inside the
 * check-in window, with the code of the moment when a code is asked for, from inside the
 * geofence when a position is asked for. A refusal says why in words the app can show
 * ({@code CHECKIN_WINDOW_CLOSED}, {@code CHECKIN_CODE_EXPIRED},
 * {@code CHECKIN_CODE_INVALID}, {@code OUT_OF_GEOFENCE} with the distance); a position
 * that is asked for and missing is a 400.
 */
public final class Presence {

	/** A check-in with the code only. */
	public static final String QR = "QR";

	/**
	 * A check-in with the position only: the venue's published coordinates would pass
	 * from anywhere.
	 */
	public static final String GEO = "GEO";

	/** A check-in with the code and the position. */
	public static final String QR_GEO = "QR_GEO";

	private Presence() {
	}

	/**
	 * Whether a check-in of this method rests on the position alone, with no code seen on
	 * the spot: the attendance sheet marks those.
	 */
	public static boolean positionOnly(@Nullable String method) {
		return GEO.equals(method);
	}

	/**
	 * The proof of presence, or the refusal.
	 * @param asked what the meeting or visit asks for
	 * @param presented what the member presents
	 * @param now the moment of the check-in
	 * @return how presence was proven
	 * @throws DomainException when it was not
	 */
	public static Proof prove(Asked asked, Presented presented, Instant now) {
		if (now.isBefore(asked.opensAt()) || now.isAfter(asked.closesAt())) {
			throw new DomainException(ErrorCode.CHECKIN_WINDOW_CLOSED);
		}
		byte[] secret = asked.codeSecret();
		if (secret != null) {
			String code = presented.code();
			CheckInCodes.Verdict verdict = (code != null) ? CheckInCodes.verify(secret, asked.subjectId(), code, now)
					: CheckInCodes.Verdict.INVALID;
			switch (verdict) {
				case EXPIRED -> throw new DomainException(ErrorCode.CHECKIN_CODE_EXPIRED);
				case INVALID -> throw new DomainException(ErrorCode.CHECKIN_CODE_INVALID);
				case VALID -> {
				}
			}
		}
		Geofence fence = asked.geofence();
		Integer distance = null;
		if (fence != null) {
			Double lat = presented.lat();
			Double lng = presented.lng();
			if (lat == null || lng == null) {
				throw DomainException.invalid(Violation.of("lat", "required"), Violation.of("lng", "required"));
			}
			double meters = fence.distanceTo(lat, lng);
			if (meters > fence.radiusMeters()) {
				long far = Math.round(meters);
				throw new DomainException(ErrorCode.OUT_OF_GEOFENCE, List.of(), Map.of("distanceMeters", far), far);
			}
			distance = (int) Math.round(meters);
		}
		String method = (secret != null && fence != null) ? QR_GEO : (secret != null) ? QR : GEO;
		return new Proof(method, distance);
	}

	/**
	 * What a meeting or a visit asks of a check-in. At least one of the code and the
	 * position is asked for.
	 *
	 * @param subjectId the meeting or the base whose codes are shown
	 * @param opensAt when the check-in window opens
	 * @param closesAt when it closes
	 * @param codeSecret the secret of the subject's codes, when a code is asked for
	 * @param geofence where the member must be, when a position is asked for
	 */
	public record Asked(UUID subjectId, Instant opensAt, Instant closesAt, byte @Nullable [] codeSecret,
			@Nullable Geofence geofence) {

		public Asked {
			if (codeSecret == null && geofence == null) {
				throw new IllegalArgumentException("A check-in asks for a code, a position or both");
			}
		}

	}

	/**
	 * What a member presents.
	 *
	 * @param code the scanned code
	 * @param lng longitude
	 */
	public record Presented(@Nullable String code, @Nullable Double lat, @Nullable Double lng) {

		@Override
		public String toString() {
			return "Presented[position hidden]";
		}

	}

	/**
	 * How presence was proven.
	 *
	 * @param method {@link #QR}, {@link #GEO} or {@link #QR_GEO}
	 * @param distanceMeters how far from the point, when the position was checked
	 */
	public record Proof(String method, @Nullable Integer distanceMeters) {
	}

}
