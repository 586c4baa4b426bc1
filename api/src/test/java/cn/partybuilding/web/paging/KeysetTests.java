package cn.partybuilding.web.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a keyset writes into a query, and which cursor positions it refuses. */
class KeysetTests {

	private static final Keyset BY_START = Keyset.ascending(Keyset.instant("a.starts_at"), Keyset.uuid("a.id"));

	private static final Keyset NEWEST = Keyset.descending(Keyset.uuid("id"));

	private static PageRequest after(String... position) {
		return new PageRequest(20, List.of(position), String::valueOf);
	}

	@Test
	void theFirstPageHasNoConditionAndEveryPageItsOrderAndLimit() {
		assertThat(BY_START.condition(PageRequest.first(20))).isEmpty();
		assertThat(BY_START.orderAndLimit()).isEqualTo(" ORDER BY a.starts_at, a.id LIMIT :limit");
		assertThat(NEWEST.orderAndLimit()).isEqualTo(" ORDER BY id DESC LIMIT :limit");
	}

	@Test
	void laterPagesContinueStrictlyAfterThePositionInTheListsDirection() {
		PageRequest page = after("2026-12-01T00:00:00Z", UUID.randomUUID().toString());
		assertThat(BY_START.condition(page)).isEqualTo(" AND (a.starts_at, a.id) > (:after0, :after1)");
		assertThat(NEWEST.condition(after(UUID.randomUUID().toString()))).isEqualTo(" AND (id) < (:after0)");
	}

	@Test
	void thePositionIsReadBackWithTheColumnsTypes() {
		UUID id = UUID.randomUUID();
		assertThat(BY_START.position(after("2026-12-01T00:00:00Z", id.toString())))
			.containsExactly(Instant.parse("2026-12-01T00:00:00Z"), id);
	}

	@Test
	void aPositionOfAnotherShapeIsABadCursorNeverAQuery() {
		for (PageRequest page : List.of(after(UUID.randomUUID().toString()),
				after("not a time", UUID.randomUUID().toString()), after("2026-12-01T00:00:00Z", "not an id"),
				after("2026-12-01T00:00:00Z", UUID.randomUUID().toString(), "extra"))) {
			assertThatExceptionOfType(DomainException.class).isThrownBy(() -> BY_START.position(page))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
		}
	}

}
