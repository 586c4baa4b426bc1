package cn.partybuilding.member;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.RawHttp;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Importing a roster file: all or nothing, every mistake reported, as Chinese
 * spreadsheets save it.
 */
@IntegrationTest
class RosterImportIntegrationTests {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	static final String HEADER = "name,phone,gender,birthDate,joinedPartyOn,category,branchId\n";

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Test
	void aUtf8FileWithAByteOrderMarkIsImported() {
		String file = "\uFEFF" + HEADER
				+ line("张三", Api.newPhone(), "MALE", "1980-01-02", "2005-07-01", "IN_SERVICE", this.district.branchA)
				+ line("李四", Api.newPhone(), "女", "1975/3/4", "2000/7/1", "离退休", this.district.branchB);
		importFile(this.district.orgAdmin.token(), file.getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(2);
		assertThat(membersNamed("李四")).isEqualTo(1);
	}

	@Test
	void aGb18030FileAsExcelSavesItIsImported() {
		String name = "王" + UUID.randomUUID().toString().substring(0, 4) + "芳";
		String file = HEADER + line(name, Api.newPhone(), "女", "1990-05-06", "2014-07-01", "在职", this.district.branchA);
		importFile(this.district.orgAdmin.token(), file.getBytes(Charset.forName("GB18030"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(1);
		assertThat(membersNamed(name)).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyBadLineIsReportedAndNothingIsImported() {
		String goodPhone = Api.newPhone();
		String twice = Api.newPhone();
		String file = HEADER
				+ line("好人", goodPhone, "MALE", "1980-01-02", "2005-07-01", "IN_SERVICE", this.district.branchA)
				+ line("坏号", "12345", "MALE", "1980-01-02", "2005-07-01", "IN_SERVICE", this.district.branchA)
				+ line("重复甲", twice, "MALE", "1980-01-02", "2005-07-01", "IN_SERVICE", this.district.branchA)
				+ line("重复乙", twice, "X", "1980-01-02", "2005-07-01", "IN_SERVICE", this.district.branchA)
				+ line("已注册", this.district.memberA.phone(), "MALE", "1980-01-02", "2005-07-01", "IN_SERVICE",
						this.district.branchA)
				+ line("太年轻", Api.newPhone(), "FEMALE", "2000-01-01", "2010-01-01", "IN_SERVICE", this.district.branchA)
				+ line("外人", Api.newPhone(), "FEMALE", "1980-01-01", "2010-01-01", "IN_SERVICE",
						this.district.otherBranch)
				+ line("乱填", Api.newPhone(), "MALE", "yesterday", "2005-07-01", "ASTRONAUT", this.district.community);
		Map<String, Object> problem = importFile(this.district.orgAdmin.token(), file.getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isEqualTo(422)
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(problem).containsEntry("code", "IMPORT_INVALID");
		List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
		assertThat(errors).extracting((error) -> error.get("line") + ":" + error.get("field"))
			.containsExactly("3:phone", "5:phone", "5:gender", "6:phone", "7:joinedPartyOn", "8:branchId",
					"9:birthDate", "9:category", "9:branchId");
		assertThat(membersNamed("好人")).isZero();
	}

	@Test
	void datesBeyondTheCalendarAndNulCharactersAreLineErrorsAndNothingIsImported() {
		String phone = Api.newPhone();
		String file = HEADER + line("赵六", phone, "男", "-999999999-01-01", "2005-07-01", "在职", this.district.branchA)
				+ line("钱七", Api.newPhone(), "女", "1970-01-01", "+999999999-12-31", "在职", this.district.branchA)
				+ line("孙\u0000八", Api.newPhone(), "女", "1899/12/31", "1990-07-01", "在职", this.district.branchA);
		Map<String, Object> problem = importFile(this.district.orgAdmin.token(), file.getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isEqualTo(422)
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(problem).containsEntry("code", "IMPORT_INVALID");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
		assertThat(errors)
			.extracting((error) -> error.get("line") + " " + error.get("field") + " " + error.get("message"))
			.containsExactlyInAnyOrder("2 birthDate 须在 1900-01-01 到 2100-12-31 之间",
					"3 joinedPartyOn 须在 1900-01-01 到 2100-12-31 之间", "4 name 不能包含空字符（U+0000）",
					"4 birthDate 须在 1900-01-01 到 2100-12-31 之间");
		assertThat(membersNamed("赵六")).isZero();
	}

	@Test
	void onlyAnOrgAdminOfTheUnitImports() {
		byte[] file = (HEADER
				+ line("某人", Api.newPhone(), "MALE", "1980-01-02", "2005-07-01", "IN_SERVICE", this.district.branchA))
			.getBytes(StandardCharsets.UTF_8);
		importFile(this.district.secretaryA.token(), file, this.district.branchA).expectStatus().isForbidden();
		importFile(this.district.foreignOrgAdmin.token(), file, this.district.community).expectStatus().isNotFound();
	}

	@Test
	void aFileThatIsNotCsvOrHasNoHeaderIsRefused() {
		this.api.post(this.district.orgAdmin.token(), "/api/v1/orgs/{id}/members:import", this.district.community)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		importFile(this.district.orgAdmin.token(), "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("header");
	}

	@Test
	void moreThanTenThousandRowsIsA413() {
		for (int rows : new int[] { 10_001, 11_000 }) {
			assertProblem(importFile(this.district.orgAdmin.token(), roster(rows, this.district.branchA)), 413,
					"IMPORT_TOO_LARGE");
		}
	}

	@Test
	void tenThousandRowsAreImportedInOneRequestWithinTenSeconds() {
		byte[] file = roster(10_000, this.district.branchB);
		long start = System.nanoTime();
		importFile(this.district.orgAdmin.token(), file).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(10_000);
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("Imported 10,000 rows (" + file.length + " bytes) in " + millis + " ms");
		assertThat(millis).isLessThan(10_000);
		this.api.get(this.district.orgAdmin.token(), "/api/v1/orgs/{id}", this.district.branchB)
			.exchange()
			.expectBody()
			.jsonPath("$.memberCount")
			.isEqualTo(10_002);
		// Imported members are on the points roster: the branch's leaderboard counts
		// them.
		assertThat(this.db.sql("SELECT count(*) AS n FROM points_roster WHERE branch_id = :b AND left_at IS NULL")
			.bind("b", this.district.branchB)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).isEqualTo(10_002);
	}

	@Test
	void aRetriedImportWithTheSameKeyReplaysTheFirstAnswerAndAnotherFileWithItIsA422() {
		String key = UUID.randomUUID().toString();
		String prefix = "重试" + UUID.randomUUID().toString().substring(0, 6);
		byte[] file = named(prefix, 3, this.district.branchA);
		String first = importFile(this.district.orgAdmin.token(), file, key).expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String again = importFile(this.district.orgAdmin.token(), file, key).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).isEqualTo(first).contains("3");
		assertThat(membersNamedLike(prefix)).isEqualTo(3);
		String other = "另一" + UUID.randomUUID().toString().substring(0, 6);
		assertProblem(importFile(this.district.orgAdmin.token(), named(other, 3, this.district.branchA), key), 422,
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(membersNamedLike(other)).isZero();
	}

	@Test
	void theSameKeyWhileTheFirstImportIsStillArrivingIsA409ThenReplays() {
		String key = UUID.randomUUID().toString();
		String prefix = "并发" + UUID.randomUUID().toString().substring(0, 6);
		byte[] file = named(prefix, 200, this.district.branchA);
		try (RawHttp first = RawHttp.connect(this.port)) {
			first.post("/api/v1/orgs/" + this.district.community + "/members:import", this.district.orgAdmin.token(),
					Map.of("Content-Type", "text/csv", "Content-Length", Integer.toString(file.length),
							"Idempotency-Key", key));
			first.send(Arrays.copyOfRange(file, 0, file.length / 2));
			// The key is locked before the body is read: wait until the first import
			// holds it, half its file sent.
			await().atMost(Duration.ofSeconds(10)).until(() -> holdsLock(this.district.orgAdmin.id().toString(), key));
			assertProblem(importFile(this.district.orgAdmin.token(), file, key), 409, "IDEMPOTENCY_KEY_IN_USE");
			first.send(Arrays.copyOfRange(file, file.length / 2, file.length));
			RawHttp.Response done = first.response(Duration.ofSeconds(30));
			assertThat(done.status()).isEqualTo(200);
			assertThat(done.body()).contains("\"imported\":200");
		}
		importFile(this.district.orgAdmin.token(), file, key).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true");
		assertThat(membersNamedLike(prefix)).isEqualTo(200);
	}

	/**
	 * Whether the transaction-scoped advisory lock of the idempotency key is held (see
	 * IdempotencyKeys).
	 */
	private boolean holdsLock(String caller, String key) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest((caller + '\u0000' + key).getBytes(StandardCharsets.UTF_8));
		long lock = ByteBuffer.wrap(digest).getLong();
		return this.db.sql("""
				SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
				AND classid::bigint = :high AND objid::bigint = :low""")
			.bind("high", lock >>> 32)
			.bind("low", lock & 0xFFFFFFFFL)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block() > 0;
	}

	private byte[] named(String prefix, int rows, UUID branch) {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < rows; i++) {
			file.append(line(prefix + i, Api.newPhone(), "男", "1970-01-01", "1995-07-01", "在职", branch));
		}
		return file.toString().getBytes(StandardCharsets.UTF_8);
	}

	private WebTestClient.ResponseSpec importFile(String token, byte[] file, String key) {
		return this.api.post(token, "/api/v1/orgs/{id}/members:import", this.district.community)
			.contentType(CSV)
			.header("Idempotency-Key", key)
			.bodyValue(file)
			.exchange();
	}

	private long membersNamedLike(String prefix) {
		return this.db.sql("SELECT count(*) AS n FROM members WHERE name LIKE :prefix")
			.bind("prefix", prefix + "%")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private byte[] roster(int rows, UUID branch) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < rows; i++) {
			out.writeBytes(
					line("导入党员" + i, Api.newPhone(), (i % 2 == 0) ? "男" : "女", "1970-01-01", "1995-07-01", "在职", branch)
						.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
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

	private long membersNamed(String name) {
		return this.db.sql("SELECT count(*) AS n FROM members WHERE name = :name")
			.bind("name", name)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static String line(String name, String phone, String gender, String birth, String joined, String category,
			UUID branch) {
		return String.join(",", name, phone, gender, birth, joined, category, branch.toString()) + "\n";
	}

}
