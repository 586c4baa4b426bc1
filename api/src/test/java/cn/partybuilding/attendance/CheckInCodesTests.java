package cn.partybuilding.attendance;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.partybuilding.attendance.CheckInCodes.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/** The rotating code: stateless, valid in its window and the next, expired after, invalid anywhere else. */
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
	void yesterdaysCodeAnotherActivitysCodeAndMadeUpCodesAreInvalid() {
		String code = CheckInCodes.current(this.secret, this.activity, this.shown);
		assertThat(CheckInCodes.verify(this.secret, this.activity, code, this.shown.plusSeconds(86_400)))
			.isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify(this.secret, UUID.randomUUID(), code, this.shown)).isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify("another secret of 32 bytes......".getBytes(), this.activity, code, this.shown))
			.isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify(this.secret, this.activity, "ABCDEFGHJK", this.shown)).isEqualTo(Verdict.INVALID);
		assertThat(CheckInCodes.verify(this.secret, this.activity, "short", this.shown)).isEqualTo(Verdict.INVALID);
	}

}
