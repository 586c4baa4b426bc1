package cn.partybuilding.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.RawHttp;
import cn.partybuilding.test.RawHttp.Response;
import cn.partybuilding.test.TestDistrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bodies are not read before the caller is known: more than 1 MiB only on the import
 * route and only from a caller who may import, refused unread otherwise; a body without a
 * length is cut off at the caller's limit while it streams; an import is read as it
 * arrives, with or without an idempotency key; a slow upload holds no database
 * connection. Most requests here announce a large body and send only its first kilobyte:
 * that an answer comes at all shows the server did not wait for (or hold) the rest.
 */
@IntegrationTest
class BodyLimitsIntegrationTests {

	static final long MIB = 1024 * 1024;

	static final Duration PROMPTLY = Duration.ofSeconds(15);

	static final String HEADER = "name,phone,gender,birthDate,joinedPartyOn,category,branchId\n";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@Test
	void theAnonymousAreRefusedALargeBodyUnread() {
		// A path that merely ends like the import's used to be allowed 8 MiB, anonymous
		// logins' paths included.
		Response lookalike = announce(null, "/api/v1/auth/members:import", 5 * MIB, Map.of());
		assertThat(lookalike.status()).isEqualTo(413);
		assertThat(lookalike.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
		// The import itself: the security chain answers before anything is read.
		assertThat(announce(null, importPath(this.district.community), 5 * MIB, Map.of()).status()).isEqualTo(401);
		assertThat(announce(null, importPath(this.district.community), 5 * MIB, key()).status()).isEqualTo(401);
	}

	@Test
	void aMemberOrSecretaryIsRefusedALargeBodyForTheImportUnreadWithOrWithoutAKey() {
		for (String token : List.of(this.district.memberA.token(), this.district.secretaryA.token())) {
			for (Map<String, String> headers : List.of(Map.<String, String>of(), key())) {
				Response refused = announce(token, importPath(this.district.community), 8 * MIB, headers);
				assertThat(refused.status()).isEqualTo(413);
				assertThat(refused.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
			}
		}
		// Not even an administrator of another unit is read: the import checks the unit
		// before the file.
		assertThat(
				announce(this.district.foreignOrgAdmin.token(), importPath(this.district.community), 8 * MIB, Map.of())
					.status())
			.isEqualTo(404);
	}

	@Test
	void moreThanTheImportLimitIsRefusedUnreadEvenToAnImporter() {
		Response refused = announce(this.district.orgAdmin.token(), importPath(this.district.community), 8 * MIB + 1,
				key());
		assertThat(refused.status()).isEqualTo(413);
		// And the import's allowance is the import's alone: the same administrator
		// elsewhere gets 1 MiB.
		assertThat(announce(this.district.orgAdmin.token(), "/api/v1/probe/items", MIB + 1, Map.of()).status())
			.isEqualTo(413);
	}

	@Test
	void anOrgAdminImportsAFileOfFiveMebibytes() {
		byte[] file = paddedRoster(2_000, this.district.branchA, 2_700);
		assertThat((long) file.length).isGreaterThan(5 * MIB);
		this.api.post(this.district.orgAdmin.token(), importPath(this.district.community))
			.contentType(MediaType.parseMediaType("text/csv"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(file)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.imported")
			.isEqualTo(2_000);
	}

	@Test
	void aBodyWithoutALengthIsCutOffAtTheCallersLimitWhileItStreams() {
		// A secretary's key used to let the idempotency filter read up to 8 MiB of an
		// unannounced body: now 1 MiB.
		try (RawHttp secretary = RawHttp.connect(this.port)) {
			secretary.post(importPath(this.district.community), this.district.secretaryA.token(),
					chunked(Map.of("Idempotency-Key", UUID.randomUUID().toString())));
			secretary.sendInBackground(new byte[64 * 1024], 3 * MIB, true);
			Response refused = secretary.response(PROMPTLY);
			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
		}
		// An importer's file without a length: cut off at 8 MiB, never read to its end.
		try (RawHttp importer = RawHttp.connect(this.port)) {
			importer.post(importPath(this.district.community), this.district.orgAdmin.token(), chunked(Map.of()));
			importer.chunk(HEADER.getBytes(StandardCharsets.UTF_8));
			importer.sendInBackground(paddedRoster(30, this.district.branchA, 3_000), 12 * MIB, true);
			Response refused = importer.response(PROMPTLY);
			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
		}
	}

	@Test
	void anImportWithAKeyIsReadAsItArrivesAndStoppedAtTheTenThousandAndFirstRow() {
		byte[] rows = roster(10_001, this.district.branchA);
		try (RawHttp importer = RawHttp.connect(this.port)) {
			importer.post(importPath(this.district.community), this.district.orgAdmin.token(),
					Map.of("Content-Type", "text/csv", "Content-Length", Long.toString(8 * MIB), "Idempotency-Key",
							UUID.randomUUID().toString()));
			// About 1 MiB of the 8 announced, then nothing: held whole, the file would
			// never be answered.
			importer.send(rows);
			Response refused = importer.response(PROMPTLY);
			assertThat(refused.status()).isEqualTo(413);
			assertThat(refused.body()).contains("\"code\":\"IMPORT_TOO_LARGE\"");
		}
	}

	@Test
	void uploadsThatStallWithAKeyHoldNoDatabaseConnection() {
		// More stalled requests with keys than the pool has connections (60 in tests),
		// logins and others.
		List<RawHttp> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 70; i++) {
				RawHttp request = RawHttp.connect(this.port);
				stalled.add(request);
				Map<String, String> headers = new LinkedHashMap<>(key());
				headers.put("Content-Type", "application/json");
				headers.put("Content-Length", "200");
				headers.put("X-Forwarded-For", "10.99." + (i / 200) + "." + (i % 200 + 1));
				if (i % 2 == 0) {
					request.post("/api/v1/auth/login", null, headers);
				}
				else {
					request.post("/api/v1/probe/items", this.district.sysAdmin.token(), headers);
				}
				request.send("{\"label\":".getBytes(StandardCharsets.UTF_8));
			}
			// Each of them would hold a connection if its transaction began before its
			// body had arrived.
			await().atMost(PROMPTLY).until(() -> activeRequests() >= 70);
			this.api.post(this.district.sysAdmin.token(), "/api/v1/probe/items")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.bodyValue(Map.of("label", "while-others-stall", "colour", "RED"))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		finally {
			stalled.forEach(RawHttp::close);
		}
	}

	/**
	 * Requests the server is in the middle of, over every method and route (one timer for
	 * each).
	 */
	private int activeRequests() {
		return this.meters.find("http.server.requests.active")
			.longTaskTimers()
			.stream()
			.mapToInt(LongTaskTimer::activeTasks)
			.sum();
	}

	private Response announce(String token, String path, long length, Map<String, String> headers) {
		try (RawHttp request = RawHttp.connect(this.port)) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put("Content-Type", "text/csv");
			all.put("Content-Length", Long.toString(length));
			request.post(path, token, all);
			request.send(new byte[1024]);
			return request.response(PROMPTLY);
		}
	}

	private static Map<String, String> chunked(Map<String, String> headers) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put("Content-Type", "text/csv");
		all.put("Transfer-Encoding", "chunked");
		return all;
	}

	private static Map<String, String> key() {
		return Map.of("Idempotency-Key", UUID.randomUUID().toString());
	}

	private static String importPath(UUID org) {
		return "/api/v1/orgs/" + org + "/members:import";
	}

	/**
	 * A valid roster whose rows are made long by spaces around the name, which the import
	 * trims.
	 */
	private static byte[] paddedRoster(int rows, UUID branch, int rowLength) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < rows; i++) {
			String row = "," + Api.newPhone() + ",男,1970-01-01,1995-07-01,在职," + branch + "\n";
			String name = "大文件党员" + i;
			int padding = Math.max(0, rowLength - row.length() - name.length() * 3);
			out.writeBytes((" ".repeat(padding) + name + row).getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	private static byte[] roster(int rows, UUID branch) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < rows; i++) {
			out.writeBytes(("导入党员" + i + "," + Api.newPhone() + ",男,1970-01-01,1995-07-01,在职," + branch + "\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
