package cn.partybuilding.notification.birthday;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code political_birthday_greetings} table: the fence that lets a member be greeted
 * once a year.
 */
@Repository
class GreetingRepository {

	private final DatabaseClient db;

	GreetingRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Inserts the member's fence of the day's year; {@code true}, or empty when the
	 * member was greeted before.
	 */
	Mono<Boolean> fence(UUID memberId, LocalDate day, Instant now) {
		return this.db.sql("""
				INSERT INTO political_birthday_greetings (member_id, year, greeted_on, created_at)
				VALUES (:member, :year, :day, :now)
				ON CONFLICT DO NOTHING
				RETURNING member_id""")
			.bind("member", memberId)
			.bind("year", day.getYear())
			.bind("day", day)
			.bind("now", now)
			.map((row) -> true)
			.one();
	}

}
