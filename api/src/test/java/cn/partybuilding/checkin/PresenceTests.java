package cn.partybuilding.checkin;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of presence every check-in follows: window, code, geofence, and what each
 * proof is called.
 */
class PresenceTests {

	static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

	static final UUID SUBJECT = UUID.randomUUID();

	static final Instant OPENS = Instant.parse("2026-12-07T01:30:00Z");

	static final Instant NOW = OPENS.plusSeconds(600);

	static final Instant CLOSES = OPENS.plusSeconds(7200);

	/** 200 m around a point in 示范区 (invented). */
	static final Geofence FENCE = new Geofence(31.2304, 121.4737, 200);

	final String code = CheckInCodes.current(SECRET, SUBJECT, NOW);

	@Test
	void theCodeAndThePositionTogetherAreQrGeoWithTheDistance() {
		Presence.Proof proof = Presence.prove(asked(SECRET, FENCE),
				new Presence.Presented(this.code, 31.2314, 121.4737), NOW);
		assertThat(proof.method()).isEqualTo(Presence.QR_GEO);
		assertThat(proof.distanceMeters()).isBetween(110, 112);
		assertThat(Presence.positionOnly(proof.method())).isFalse();
	}

	@Test
	void thePositionAloneIsMarkedAsSuch() {
		Presence.Proof proof = Presence.prove(asked(null, FENCE), new Presence.Presented(null, 31.2304, 121.4737), NOW);
		assertThat(proof.method()).isEqualTo(Presence.GEO);
		assertThat(Presence.positionOnly(proof.method())).isTrue();
		assertThat(Presence.positionOnly(Presence.QR)).isFalse();
		assertThat(Presence.positionOnly("MANUAL")).isFalse();
		assertThat(Presence.positionOnly(null)).isFalse();
	}

	@Test
	void theCodeAloneNeedsNoPosition() {
		assertThat(Presence.prove(asked(SECRET, null), new Presence.Presented(this.code, null, null), NOW))
			.isEqualTo(new Presence.Proof(Presence.QR, null));
	}

	@Test
	void outsideTheWindowNothingElseIsLookedAt() {
		refused(asked(SECRET, FENCE), new Presence.Presented(this.code, 31.2304, 121.4737), OPENS.minusSeconds(1),
				ErrorCode.CHECKIN_WINDOW_CLOSED);
		refused(asked(SECRET, FENCE), new Presence.Presented(this.code, 31.2304, 121.4737), CLOSES.plusSeconds(1),
				ErrorCode.CHECKIN_WINDOW_CLOSED);
	}

	@Test
	void aMissingWrongOrOldCodeIsRefusedEvenFromTheRightPlace() {
		Presence.Presented here = new Presence.Presented(null, 31.2304, 121.4737);
		refused(asked(SECRET, FENCE), here, NOW, ErrorCode.CHECKIN_CODE_INVALID);
		refused(asked(SECRET, FENCE), new Presence.Presented("ABCDEFGHJK", 31.2304, 121.4737), NOW,
				ErrorCode.CHECKIN_CODE_INVALID);
		String relayed = CheckInCodes.code(SECRET, SUBJECT, CheckInCodes.window(NOW) - 2);
		refused(asked(SECRET, FENCE), new Presence.Presented(relayed, 31.2304, 121.4737), NOW,
				ErrorCode.CHECKIN_CODE_EXPIRED);
	}

	@Test
	void aRightCodeFromElsewhereIsRefusedSayingHowFarAndNoPositionIsABadRequest() {
		assertThatThrownBy(
				() -> Presence.prove(asked(SECRET, FENCE), new Presence.Presented(this.code, 31.2404, 121.4737), NOW))
			.isInstanceOfSatisfying(DomainException.class, (refusal) -> {
				assertThat(refusal.code()).isEqualTo(ErrorCode.OUT_OF_GEOFENCE);
				assertThat(refusal.properties()).containsEntry("distanceMeters", 1112L);
			});
		refused(asked(SECRET, FENCE), new Presence.Presented(this.code, null, 121.4737), NOW,
				ErrorCode.VALIDATION_FAILED);
	}

	@Test
	void aCheckInAsksForSomething() {
		assertThatThrownBy(() -> asked(null, null)).isInstanceOf(IllegalArgumentException.class);
	}

	static Presence.Asked asked(byte[] secret, Geofence fence) {
		return new Presence.Asked(SUBJECT, OPENS, CLOSES, secret, fence);
	}

	static void refused(Presence.Asked asked, Presence.Presented presented, Instant at, ErrorCode code) {
		assertThatThrownBy(() -> Presence.prove(asked, presented, at)).isInstanceOfSatisfying(DomainException.class,
				(refusal) -> assertThat(refusal.code()).isEqualTo(code));
	}

}
