package cn.partybuilding.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Time as the district lives it, in the business zone ({@code PARTY_ZONE}) of the
 * injected clock: which day it is, where a day begins and ends, and how an instant reads
 * in an answer ({@code 2026-12-07T09:30:00+08:00}). Every conversion between instants and
 * the business zone's dates and times goes through here.
 */
@Component
public class BusinessTime {

	private final Clock clock;

	BusinessTime(Clock clock) {
		this.clock = clock;
	}

	/** Now. */
	public Instant now() {
		return this.clock.instant();
	}

	/** Today in the business zone. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The first instant of the day, in the business zone. */
	public Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.clock.getZone()).toInstant();
	}

	/**
	 * The first instant after the day (the start of the next one): days are
	 * {@code [startOf, endOf)}.
	 */
	public Instant endOf(LocalDate day) {
		return startOf(day.plusDays(1));
	}

	/**
	 * The instant as answers show it: with the business zone's offset; nothing stays
	 * nothing.
	 */
	public @Nullable OffsetDateTime local(@Nullable Instant instant) {
		return (instant != null) ? instant.atZone(this.clock.getZone()).toOffsetDateTime() : null;
	}

}
