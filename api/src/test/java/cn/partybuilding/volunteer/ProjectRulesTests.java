package cn.partybuilding.volunteer;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a published project must satisfy, and how {@code near=lat,lng} is read. */
class ProjectRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");

	@Test
	void aProjectIsOneShiftThatHasNotEnded() {
		assertThat(ProjectRules.check(NOW, NOW.plus(Duration.ofHours(24)), NOW)).isEmpty();
		// Already under way is fine: volunteers may still join.
		assertThat(ProjectRules.check(NOW.minusSeconds(3600), NOW.plusSeconds(60), NOW)).isEmpty();
		assertThat(ProjectRules.check(NOW, NOW, NOW)).extracting(Violation::messageKey)
			.containsExactly("afterStart", "volunteer.ended");
		assertThat(ProjectRules.check(NOW, NOW.plus(Duration.ofHours(24)).plusSeconds(1), NOW))
			.extracting(Violation::messageKey)
			.containsExactly("volunteer.tooLong");
		assertThat(ProjectRules.check(NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW))
			.extracting(Violation::field, Violation::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("endsAt", "volunteer.ended"));
	}

	@Test
	void aPositionIsTwoPlainNumbersInRange() {
		assertThat(Position.parse("31.2304,121.4737")).isEqualTo(new Position(31.2304, 121.4737));
		assertThat(Position.parse(" -33.8688 , 151.2093 ")).isEqualTo(new Position(-33.8688, 151.2093));
		assertThat(Position.parse("90,-180")).isEqualTo(new Position(90, -180));
		for (String garbage : new String[] { "", "31.2304", "31.2304,", "a,b", "31.2,121.4,7", "NaN,1", "1e2,3", "91,0",
				"0,180.5", "31.2304;121.4737", "0x1,2" }) {
			assertThatThrownBy(() -> Position.parse(garbage)).as(garbage)
				.isInstanceOfSatisfying(DomainException.class,
						(ex) -> assertThat(ex.violations()).extracting(Violation::field).containsExactly("near"));
		}
	}

}
