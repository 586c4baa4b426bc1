package cn.partybuilding.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No phone-number oracle: "taken" answers about accounts outside an administrator's
 * subtree are rationed, 20 a day across imports and registrations, counted atomically,
 * audited without the number; beyond the ration the request is refused as a whole, and so
 * is every later one that day. Numbers taken inside the subtree are reported as before
 * and not counted. The default ration (20) applies in tests.
 */
@IntegrationTest
class PhoneConflictIntegrationTests {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	static final String HEADER = "name,phone,gender,birthDate,joinedPartyOn,category,branchId\n";

	static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

	@Autowired
	DatabaseClient db;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Test
	void theTwentyFirstOutsideConflictOfTheDayIsRefusedAcrossImportsAndRegistrationsAndAuditedWithoutTheNumber() {
		List<String> outside = phonesOf(20, this.district.otherBranch);
		// The system administrator's account is outside every subtree.
		outside.set(0, Api.ADMIN_PHONE);
		String admin = this.district.orgAdmin.token();
		assertThat(phoneErrorLines(importFile(admin, file(outside.subList(0, 10))))).containsExactly(2, 3, 4, 5, 6, 7,
				8, 9, 10, 11);
		assertThat(phoneErrorLines(importFile(admin, file(outside.subList(10, 20))))).hasSize(10);
		String twentyFirst = phonesOf(1, this.district.otherBranch).get(0);
		EntityExchangeResult<Map<String, Object>> refused = register(admin, twentyFirst).expectStatus()
			.isEqualTo(429)
			.expectBody(Api.JSON)
			.returnResult();
		Map<String, Object> problem = refused.getResponseBody();
		assertThat(problem).containsEntry("code", "PHONE_CONFLICT_LIMIT").doesNotContainKey("errors");
		assertThat((String) problem.get("detail")).contains("20");
		long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 24 * 3600L);
		// The day is closed whatever a request holds: a clean file and a fresh number are
		// refused too, since a
		// refusal that depended on the numbers would answer "one of these is taken".
		String fresh = Api.newPhone();
		importFile(admin, file(List.of(fresh))).expectStatus().isEqualTo(429);
		register(admin, Api.newPhone()).expectStatus().isEqualTo(429);
		assertThat(candidatesImported()).isZero();

		List<Map<String, Object>> entries = auditOf(this.district.orgAdmin);
		assertThat(entries).filteredOn((entry) -> "PHONE_CONFLICT_OUTSIDE_SCOPE".equals(entry.get("action")))
			.hasSize(20)
			.allSatisfy((entry) -> assertThat(entry.get("org_id")).isEqualTo(this.district.community));
		assertThat(entries).filteredOn((entry) -> "PHONE_CONFLICT_LIMIT_REACHED".equals(entry.get("action")))
			.hasSize(3);
		List<String> allPhones = new ArrayList<>(outside);
		allPhones.add(twentyFirst);
		assertThat(entries).allSatisfy((entry) -> {
			String details = (String) entry.get("details");
			assertThat(FOUR_DIGITS.matcher(details).find()).as(details).isFalse();
			allPhones.forEach((phone) -> assertThat(details).doesNotContain(phone.substring(3, 7)));
		});
		// Administrators read them in the audit log.
		this.api.get(admin, "/api/v1/audit-log?action=PHONE_CONFLICT_OUTSIDE_SCOPE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].details.source")
			.isEqualTo("import")
			.jsonPath("$.items[0].details.line")
			.isEqualTo("11");

		// Another administrator's allowance is their own.
		String theirs = this.district.memberA.phone();
		assertThat(phoneErrorLines(importFile(this.district.foreignOrgAdmin.token(),
				file(List.of(theirs), this.district.otherBranch), this.district.otherCommittee)))
			.containsExactly(2);
	}

	@Test
	void numbersTakenInsideTheSubtreeAreReportedAndNotCounted() {
		List<String> inside = phonesOf(25, this.district.branchB);
		String admin = this.district.orgAdmin.token();
		assertThat(phoneErrorLines(importFile(admin, file(inside)))).hasSize(25);
		assertThat(phoneErrorLines(importFile(admin, file(inside)))).hasSize(25);
		// A secretary registering a number of their own branch: inside too.
		assertProblem(register(this.district.secretaryB.token(), inside.get(0), this.district.branchB), 409,
				"PHONE_TAKEN");
		assertThat(auditOf(this.district.orgAdmin)).isEmpty();
		assertThat(auditOf(this.district.secretaryB)).isEmpty();
		// For the secretary of branch A, branch B is outside: counted.
		register(this.district.secretaryA.token(), inside.get(1), this.district.branchA).expectStatus().isEqualTo(409);
		assertThat(auditOf(this.district.secretaryA)).singleElement()
			.satisfies((entry) -> assertThat(entry.get("details")).asString().contains("registration"));
	}

	@Test
	void parallelImportsCannotTogetherSpendMoreThanTheAllowance() throws Exception {
		List<String> outside = phonesOf(24, this.district.otherBranch);
		String admin = this.district.orgAdmin.token();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		List<Integer> statuses = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> imports = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				byte[] file = file(outside.subList(6 * i, 6 * i + 6));
				imports.add(threads.submit(() -> {
					start.await();
					return importFile(admin, file).returnResult(String.class).getStatus().value();
				}));
			}
			start.countDown();
			for (Future<Integer> done : imports) {
				statuses.add(done.get());
			}
		}
		finally {
			threads.shutdown();
		}
		// 6 + 6 + 6 fit in 20, the fourth would not, whichever comes last.
		assertThat(statuses).containsExactlyInAnyOrder(422, 422, 422, 429);
		assertThat(auditOf(this.district.orgAdmin))
			.filteredOn((entry) -> "PHONE_CONFLICT_OUTSIDE_SCOPE".equals(entry.get("action")))
			.hasSize(18);
	}

	/** Phone numbers of new members of a branch. */
	private List<String> phonesOf(int count, UUID branch) {
		List<String> phones = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			phones.add(this.district.newMember(branch, "号码持有人" + i).phone());
		}
		return phones;
	}

	private byte[] file(List<String> phones) {
		return file(phones, this.district.branchA);
	}

	private static byte[] file(List<String> phones, UUID branch) {
		StringBuilder file = new StringBuilder(HEADER);
		for (String phone : phones) {
			file.append(String.join(",", "候选人", phone, "男", "1980-01-02", "2005-07-01", "在职", branch.toString()))
				.append('\n');
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

	private WebTestClient.ResponseSpec importFile(String token, byte[] file) {
		return importFile(token, file, this.district.community);
	}

	private WebTestClient.ResponseSpec importFile(String token, byte[] file, UUID org) {
		return this.api.post(token, "/api/v1/orgs/{id}/members:import", org)
			.contentType(CSV)
			.bodyValue(file)
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private static List<Integer> phoneErrorLines(WebTestClient.ResponseSpec response) {
		Map<String, Object> problem = response.expectStatus()
			.isEqualTo(422)
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(problem).containsEntry("code", "IMPORT_INVALID");
		return ((List<Map<String, Object>>) problem.get("errors")).stream()
			.filter((error) -> "phone".equals(error.get("field")))
			.map((error) -> ((Number) error.get("line")).intValue())
			.toList();
	}

	private WebTestClient.ResponseSpec register(String token, String phone) {
		return register(token, phone, this.district.branchA);
	}

	private WebTestClient.ResponseSpec register(String token, String phone, UUID branch) {
		Map<String, Object> body = new HashMap<>();
		body.put("branchId", branch.toString());
		body.put("name", "新登记党员");
		body.put("phone", phone);
		body.put("gender", "MALE");
		body.put("birthDate", "1990-04-12");
		body.put("joinedPartyOn", "2015-06-30");
		body.put("category", "IN_SERVICE");
		return this.api.post(token, "/api/v1/members").bodyValue(body).exchange();
	}

	private List<Map<String, Object>> auditOf(Person actor) {
		return this.db.sql("""
				SELECT action, org_id, CAST(details AS text) AS details FROM audit_log
				WHERE actor_id = :actor AND action LIKE 'PHONE_CONFLICT%' ORDER BY at""")
			.bind("actor", actor.id())
			.fetch()
			.all()
			.collectList()
			.block();
	}

	private long candidatesImported() {
		return this.db.sql("SELECT count(*) AS n FROM members WHERE name = '候选人' AND branch_id = :branch")
			.bind("branch", this.district.branchA)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

}
