package cn.partybuilding.points.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * The points year a request means (the current business year unless it names one), and
 * business-zone times.
 */
@Component
class PointsYears {

	static final int FIRST = 2000;

	static final int LAST = 2100;

	private final Clock clock;

	PointsYears(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The year asked for, or the current business year; 400 outside
	 * {@value #FIRST}..{@value #LAST}.
	 */
	int resolve(@Nullable Integer year) {
		if (year == null) {
			return today().getYear();
		}
		if (year < FIRST || year > LAST) {
			throw DomainException.invalid(Violation.of("year", "points.year", FIRST, LAST));
		}
		return year;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	OffsetDateTime local(Instant instant) {
		return instant.atZone(this.clock.getZone()).toOffsetDateTime();
	}

}
