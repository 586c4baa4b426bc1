package cn.partybuilding.web.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cursor-paging mechanism: limits, opaque signed cursors, and pages that stay stable
 * while rows arrive.
 */
@IntegrationTest
class PagingIntegrationTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	String token;

	String owner;

	@BeforeEach
	void setUp() {
		this.token = this.api.loginAsAdmin();
		this.owner = UUID.randomUUID().toString();
	}

	@Test
	void theDefaultPageHoldsTwentyAndSaysWhereTheNextStarts() {
		insert(25);
		Map<String, Object> page = page(null, null);
		assertThat(items(page)).hasSize(20);
		assertThat(page.get("nextCursor")).isNotNull();
		Map<String, Object> last = page(null, (String) page.get("nextCursor"));
		assertThat(items(last)).hasSize(5);
		assertThat(last).containsKey("nextCursor");
		assertThat(last.get("nextCursor")).isNull();
	}

	@Test
	void aLimitOutsideOneToAHundredIsA400NamingIt() {
		for (String limit : List.of("0", "101", "-1", "ten")) {
			assertProblem(
					this.api.get(this.token, "/api/v1/probe/items?owner={o}&limit={l}", this.owner, limit).exchange(),
					400, "VALIDATION_FAILED")
				.jsonPath("$.errors[0].field")
				.isEqualTo("limit");
		}
		this.api.get(this.token, "/api/v1/probe/items?owner={o}&limit=100", this.owner)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aTamperedOrMadeUpCursorIsA400NamingIt() {
		insert(3);
		String cursor = (String) page(2, null).get("nextCursor");
		String tampered = cursor.substring(0, 3) + ((cursor.charAt(3) == 'A') ? 'B' : 'A') + cursor.substring(4);
		for (String bad : List.of(tampered, "abc", "abc.def", UUID.randomUUID().toString())) {
			this.api.get(this.token, "/api/v1/probe/items?owner={o}&cursor={c}", this.owner, bad)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("cursor");
		}
	}

	@Test
	void pagesNeitherSkipNorRepeatWhileRowsAreInsertedConcurrently() {
		List<String> before = insert(45);
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int round = 0;
		do {
			Map<String, Object> page = page(10, cursor);
			items(page).forEach((item) -> seen.add((String) item.get("id")));
			cursor = (String) page.get("nextCursor");
			// Newer rows arrive between page requests, as they would while a member
			// scrolls.
			Flux.range(0, 5).flatMap((i) -> insertOne("late-" + i)).blockLast();
			round++;
		}
		while (cursor != null && round < 20);
		List<String> expected = new ArrayList<>(before);
		java.util.Collections.reverse(expected);
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	private Map<String, Object> page(Integer limit, String cursor) {
		StringBuilder uri = new StringBuilder("/api/v1/probe/items?owner=" + this.owner);
		if (limit != null) {
			uri.append("&limit=").append(limit);
		}
		if (cursor != null) {
			uri.append("&cursor=").append(cursor);
		}
		return this.api.get(this.token, uri.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private List<String> insert(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(insertOne("item-" + i).block());
		}
		return ids;
	}

	private reactor.core.publisher.Mono<String> insertOne(String label) {
		UUID id = Ids.newId();
		return this.db.sql("INSERT INTO probe_items (id, owner, label) VALUES (:id, :owner, :label)")
			.bind("id", id)
			.bind("owner", this.owner)
			.bind("label", label)
			.then()
			.thenReturn(id.toString());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("items");
	}

}
