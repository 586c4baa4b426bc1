package cn.partybuilding.checkin;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.partybuilding.checkin.CheckInCodes.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotating code: stateless, valid in its window and the one after, never before;
 * expired for an hour after, and invalid anywhere else.
 */
class CheckInCodesTests {

	final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();

	final UUID activity = UUID.randomUUID();

	final Instant shown = Instant.parse("2026-11-25T09:00:05Z");

	@Test
	void aCodeIsShortReadableAndChangesEveryThirtySeconds() {
		String code = CheckInCodes.current(this.secret, this.activity, this.shown);
		assertThat(code).hasSize(10).matches("[A-Z2-9]+").doesNotContain("O", "I", "0", "1");
		assertThat(CheckInCodes.current(this.secret, this.activity, this.shown.plusSeconds(20))).isEqualTo(code);
		assertThat(CheckInCodes.current(this.secret, this.activity, this.shown.plusSeconds(30))).isNotEqualTo(code);
		assertThat(CheckInCodes.expiresAt(this.shown)).isEqualTo(Instant.parse("2026-11-25T09:01:00Z"));
	}

	@Test
	void aCodeIsValidInItsWindowAndTheNextThenExpired() {
		String code = CheckInCodes.current(this.secret, this.activity, this.shown);
		assertThat(CheckInCodes.verify(this.secret, this.activity, code, this.shown)).isEqualTo(Verdict.VALID);
		assertThat(CheckInCodes.verify(this.secret, this.activity, code.toLowerCase(), this.shown.plusSeconds(54)))
			.isEqualTo(Verdict.VALID);
		assertThat(CheckInCodes.verify(this.secret, this.activity, code, this.shown.plusSeconds(56)))
			.isEqualTo(Verdict.EXPIRED);
		assertThat(CheckInCodes.verify(this.secret, this.activity, code, this.shown.plusSeconds(3000)))
			.isEqualTo(Verdict.EXPIRED);
	}

	@Test
	void theExpiryTheScreenShowsIsExactlyWhenTheCodeStopsBeingAccepted() {
		for (int second = 0; second < 30; second++) {
			Instant at = Instant.parse("2026-11-25T09:00:00Z").plusSeconds(second);
			CheckInCodes.Shown shown = CheckInCodes.shown(this.secret, this.activity, at);
			assertThat(CheckInCodes.verify(this.secret, this.activity, shown.code(), shown.expiresAt().minusMillis(1)))
				.isEqualTo(Verdict.VALID);
			assertThat(CheckInCodes.verify(this.secret, this.activity, shown.code(), shown.expiresAt()))
				.isEqualTo(Verdict.EXPIRED);
		}
	}

	@Test
	void aCodeRelayedFromTwoWindowsAgoIsExpiredAndOneOfAWindowToComeIsInvalid() {
		long now = CheckInCodes.window(this.shown);
		assertThat(CheckInCodes.verify(this.secret, this.activity,
				CheckInCodes.code(this.secret, this.activity, now - 1), this.shown))
			.isEqualTo(Verdict.VALID);
		assertThat(CheckInCodes.verify(this.secret, this.activity,
				CheckInCodes.code(this.secret, this.activity, now - 2), this.shown))
			.isEqualTo(Verdict.EXPIRED);
		// Nobody present can have seen the next window's code: accepting it only
		// lengthens a relayed code's life.
		assertThat(CheckInCodes.verify(this.secret, this.activity,
				CheckInCodes.code(this.secret, this.activity, now + 1), this.shown))
			.isEqualTo(Verdict.INVALID);
		// An hour back is the limit of "expired"; older is worthless, like a made-up
		// code.
		assertThat(CheckInCodes.verify(this.secret, this.activity,
				CheckInCodes.code(this.secret, this.activity, now - CheckInCodes.EXPIRED_WINDOWS), this.shown))
			.isEqualTo(Verdict.EXPIRED);
		assertThat(CheckInCodes.verify(this.secret, this.activity,
				CheckInCodes.code(this.secret, this.activity, now - CheckInCodes.EXPIRED_WINDOWS - 1), this.shown))
			.isEqualTo(Verdict.INVALID);
	}

	@Test
	void yesterdaysCodeAnotherSubjectsCodeAndMadeUpCodesAreInvalid() {
		String code = CheckInCodes.current(this.secret, this.activity, this.shown);
		assertThat(CheckInCodes.verify(this.secret, this.activity, code, this.shown.plusSeconds(86_400)))
			.isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify(this.secret, UUID.randomUUID(), code, this.shown)).isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify("another secret of 32 bytes......".getBytes(), this.activity, code, this.shown))
			.isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify(this.secret, this.activity, "ABCDEFGHJK", this.shown))
			.isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify(this.secret, this.activity, "short", this.shown)).isEqualTo(Verdict.INVALID);
	}

	@Test
	void secretsAreFreshAndLongEnough() {
		assertThat(CheckInCodes.newSecret()).hasSize(32).isNotEqualTo(CheckInCodes.newSecret());
	}

}
