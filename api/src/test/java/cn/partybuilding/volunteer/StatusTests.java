package cn.partybuilding.volunteer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.partybuilding.volunteer.ProjectStatus.Action;

import static org.assertj.core.api.Assertions.assertThat;

/** The transitions of sign-ups and projects, and the status of a project that ended. */
class StatusTests {

	@Test
	void aSignupMovesOnlyForwardOrIsCancelledBeforeTheCheckIn() {
		assertThat(SignupStatus.SIGNED_UP.after(SignupStatus.Action.CHECK_IN)).isEqualTo(SignupStatus.CHECKED_IN);
		assertThat(SignupStatus.CHECKED_IN.after(SignupStatus.Action.CHECK_OUT)).isEqualTo(SignupStatus.CHECKED_OUT);
		assertThat(SignupStatus.CHECKED_IN.after(SignupStatus.Action.MAKE_UP)).isEqualTo(SignupStatus.CHECKED_OUT);
		assertThat(SignupStatus.CHECKED_OUT.after(SignupStatus.Action.APPROVE)).isEqualTo(SignupStatus.APPROVED);
		assertThat(SignupStatus.SIGNED_UP.after(SignupStatus.Action.CANCEL)).isEqualTo(SignupStatus.CANCELLED);
		assertThat(SignupStatus.CANCELLED.after(SignupStatus.Action.SIGN_UP_AGAIN)).isEqualTo(SignupStatus.SIGNED_UP);
		// Checkout without check-in, approval before checkout, cancelling once on site,
		// anything after approval.
		assertThat(SignupStatus.SIGNED_UP.after(SignupStatus.Action.CHECK_OUT)).isNull();
		assertThat(SignupStatus.SIGNED_UP.after(SignupStatus.Action.MAKE_UP)).isNull();
		assertThat(SignupStatus.CHECKED_IN.after(SignupStatus.Action.APPROVE)).isNull();
		assertThat(SignupStatus.CHECKED_IN.after(SignupStatus.Action.CANCEL)).isNull();
		assertThat(SignupStatus.CHECKED_OUT.after(SignupStatus.Action.CHECK_IN)).isNull();
		for (SignupStatus.Action action : SignupStatus.Action.values()) {
			assertThat(SignupStatus.APPROVED.after(action)).as("%s after approval", action).isNull();
		}
		assertThat(SignupStatus.CANCELLED.after(SignupStatus.Action.CHECK_IN)).isNull();
	}

	@Test
	void everyActionHasExactlyOneStatusItStartsFrom() {
		for (SignupStatus.Action action : SignupStatus.Action.values()) {
			long from = EnumSet.allOf(SignupStatus.class).stream().filter((s) -> s.after(action) != null).count();
			assertThat(from).as("%s", action).isEqualTo(1);
		}
		assertThat(SignupStatus.from(SignupStatus.Action.CHECK_OUT)).isEqualTo(SignupStatus.CHECKED_IN);
	}

	@Test
	void everySignupButACancelledOneHoldsAPlace() {
		assertThat(EnumSet.allOf(SignupStatus.class).stream().filter(SignupStatus::holdsPlace))
			.containsExactlyInAnyOrder(SignupStatus.SIGNED_UP, SignupStatus.CHECKED_IN, SignupStatus.CHECKED_OUT,
					SignupStatus.APPROVED);
	}

	@Test
	void aProjectIsClosedWhileOpenAndCancelledUntilItFinishes() {
		assertThat(ProjectStatus.OPEN.after(Action.CLOSE)).isEqualTo(ProjectStatus.CLOSED);
		assertThat(ProjectStatus.CLOSED.after(Action.CLOSE)).isNull();
		assertThat(ProjectStatus.OPEN.after(Action.CANCEL)).isEqualTo(ProjectStatus.CANCELLED);
		assertThat(ProjectStatus.CLOSED.after(Action.CANCEL)).isEqualTo(ProjectStatus.CANCELLED);
		assertThat(ProjectStatus.CANCELLED.after(Action.CANCEL)).isNull();
		assertThat(ProjectStatus.FINISHED.after(Action.CANCEL)).isNull();
		assertThat(ProjectStatus.FINISHED.after(Action.CLOSE)).isNull();
		assertThat(ProjectStatus.before(Action.CANCEL, ProjectStatus.CANCELLED))
			.containsExactlyInAnyOrder(ProjectStatus.OPEN, ProjectStatus.CLOSED);
	}

	@Test
	void aProjectThatEndedIsFinishedUnlessItWasCancelled() {
		Instant start = Instant.parse("2026-11-28T01:00:00Z");
		Instant end = start.plusSeconds(3600);
		assertThat(project(ProjectStatus.OPEN, start, end).status(end.minusSeconds(1))).isEqualTo(ProjectStatus.OPEN);
		assertThat(project(ProjectStatus.OPEN, start, end).status(end)).isEqualTo(ProjectStatus.FINISHED);
		assertThat(project(ProjectStatus.CLOSED, start, end).status(end)).isEqualTo(ProjectStatus.FINISHED);
		assertThat(project(ProjectStatus.CANCELLED, start, end).status(end)).isEqualTo(ProjectStatus.CANCELLED);
	}

	private static Project project(ProjectStatus stored, Instant start, Instant end) {
		return new Project(UUID.randomUUID(), UUID.randomUUID(), "敬老院助餐", "", "助老助残", null, start, end, 5, 0, stored,
				UUID.randomUUID());
	}

}
