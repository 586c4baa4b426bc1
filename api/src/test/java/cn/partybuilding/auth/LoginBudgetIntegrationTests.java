package cn.partybuilding.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.SecondInstance;
import cn.partybuilding.test.TestDistrict;
import cn.partybuilding.test.TestDistrict.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login budgets hold under parallel guesses, as an attacker sends them: all at once,
 * from one address or many, to one instance or two. No more secrets are checked than the
 * budget holds (5 per phone by default): the rest are 429. And a venue's shared address,
 * where many members log in and some mistype, does not lock the meeting out.
 */
@IntegrationTest
class LoginBudgetIntegrationTests {

	static final int GUESSES = 60;

	static final int PHONE_BUDGET = 5;

	@Autowired
	WebTestClient client;

	@Autowired
	SmsCodes codes;

	@Autowired
	BindTokens bindTokens;

	@Autowired
	TestDistrict district;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		this.pool = Executors.newFixedThreadPool(GUESSES);
	}

	@AfterEach
	void tearDown() {
		this.pool.shutdownNow();
	}

	@Test
	void sixtyParallelWrongPasswordsFromOneAddressCheckFive() {
		Person victim = this.district.newMember(this.district.branchA, "猜密码");
		String address = randomAddress();
		Map<Integer, Long> answers = all(GUESSES, (i) -> login(this.client, address, victim.phone(), "Guess#" + i));
		assertThat(answers).containsEntry(401, (long) PHONE_BUDGET).containsEntry(429, (long) (GUESSES - PHONE_BUDGET));
		// The budget is spent: even the right password is not checked now.
		assertThat(login(this.client, randomAddress(), victim.phone(), TestDistrict.PASSWORD)).isEqualTo(429);
	}

	@Test
	void sixtyParallelWrongPasswordsFromSixtyAddressesCheckFive() {
		Person victim = this.district.newMember(this.district.branchA, "多地址");
		Map<Integer, Long> answers = all(GUESSES,
				(i) -> login(this.client, randomAddress(), victim.phone(), "Guess#" + i));
		assertThat(answers).containsEntry(401, (long) PHONE_BUDGET).containsEntry(429, (long) (GUESSES - PHONE_BUDGET));
	}

	@Test
	void sixtyParallelWrongPasswordsSpreadOverTwoInstancesCheckFive() {
		Person victim = this.district.newMember(this.district.branchA, "两实例");
		try (SecondInstance second = SecondInstance.start()) {
			WebTestClient other = second.client();
			Map<Integer, Long> answers = all(GUESSES,
					(i) -> login((i % 2 == 0) ? this.client : other, randomAddress(), victim.phone(), "Guess#" + i));
			assertThat(answers).containsEntry(401, (long) PHONE_BUDGET)
				.containsEntry(429, (long) (GUESSES - PHONE_BUDGET));
		}
	}

	@Test
	void sixtyParallelWrongSmsCodesCheckFive() {
		Person victim = this.district.newMember(this.district.branchA, "猜验证码");
		String code = this.codes.issue(victim.phone()).block(Duration.ofSeconds(5));
		Map<Integer, Long> answers = all(GUESSES, (i) -> post(this.client, randomAddress(), "/api/v1/auth/sms/login",
				Map.of("phone", victim.phone(), "code", wrong(code, i))));
		assertThat(answers).containsEntry(401, (long) PHONE_BUDGET).containsEntry(429, (long) (GUESSES - PHONE_BUDGET));
	}

	@Test
	void sixtyParallelWechatBindingsWithWrongCodesCheckFive() {
		Person victim = this.district.newMember(this.district.branchA, "猜绑定");
		String code = this.codes.issue(victim.phone()).block(Duration.ofSeconds(5));
		List<String> bindTokens = new ArrayList<>();
		for (int i = 0; i < GUESSES; i++) {
			bindTokens.add(this.bindTokens.issue("openid-" + UUID.randomUUID()).block(Duration.ofSeconds(5)));
		}
		Map<Integer, Long> answers = all(GUESSES, (i) -> post(this.client, randomAddress(), "/api/v1/auth/wechat/bind",
				Map.of("bindToken", bindTokens.get(i), "phone", victim.phone(), "smsCode", wrong(code, i))));
		assertThat(answers).containsEntry(401, (long) PHONE_BUDGET).containsEntry(429, (long) (GUESSES - PHONE_BUDGET));
	}

	@Test
	void twoHundredMembersBehindOneAddressThirtyMistypingOnceAllGetIn() {
		String venue = randomAddress();
		List<Person> members = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			members.add(this.district.newMember(this.district.branchB, "与会" + i));
		}
		// They arrive over the same Wi-Fi, sixteen at a time; every fourth of the first
		// 120 mistypes once first.
		ExecutorService venueWifi = Executors.newFixedThreadPool(16);
		try {
			List<CompletableFuture<List<Integer>>> logins = new ArrayList<>();
			for (int i = 0; i < members.size(); i++) {
				Person member = members.get(i);
				boolean mistypes = i < 120 && i % 4 == 0;
				logins.add(CompletableFuture.supplyAsync(() -> {
					List<Integer> statuses = new ArrayList<>();
					if (mistypes) {
						statuses.add(login(this.client, venue, member.phone(), TestDistrict.PASSWORD + "x"));
					}
					statuses.add(login(this.client, venue, member.phone(), TestDistrict.PASSWORD));
					return statuses;
				}, venueWifi));
			}
			List<List<Integer>> outcomes = logins.stream().map(CompletableFuture::join).toList();
			assertThat(outcomes.stream().filter((statuses) -> statuses.size() == 2)).hasSize(30)
				.allSatisfy((statuses) -> assertThat(statuses.get(0)).isEqualTo(401));
			assertThat(outcomes).as("the last answer of each member")
				.allSatisfy((statuses) -> assertThat(statuses.get(statuses.size() - 1)).isEqualTo(200));
		}
		finally {
			venueWifi.shutdownNow();
		}
	}

	@Test
	void anAddressSprayingManyPhonesIsStopped() {
		String sprayer = randomAddress();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			statuses.add(login(this.client, sprayer, Api.newPhone(), "Password#2026"));
		}
		// The address's budget (60, one more every two minutes) is spent on the guesses:
		// the rest are not checked.
		assertThat(statuses.subList(0, 60)).containsOnly(401);
		assertThat(statuses.subList(60, 70)).containsOnly(429);
		// Another address is not affected.
		Person member = this.district.newMember(this.district.branchA, "邻座");
		assertThat(login(this.client, randomAddress(), member.phone(), TestDistrict.PASSWORD)).isEqualTo(200);
	}

	/** Runs {@code n} requests at once; how many answered each status. */
	private Map<Integer, Long> all(int n, IntFunction<Integer> request) {
		CyclicBarrier together = new CyclicBarrier(n);
		List<CompletableFuture<Integer>> sent = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int index = i;
			sent.add(CompletableFuture.supplyAsync(() -> {
				try {
					together.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return request.apply(index);
			}, this.pool));
		}
		return sent.stream()
			.map(CompletableFuture::join)
			.collect(Collectors.groupingBy((status) -> status, ConcurrentHashMap::new, Collectors.counting()));
	}

	private static int login(WebTestClient client, String address, String phone, String password) {
		return post(client, address, "/api/v1/auth/login", Map.of("phone", phone, "password", password));
	}

	private static int post(WebTestClient client, String address, String path, Map<String, Object> body) {
		return client.post()
			.uri(path)
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

	private static String wrong(String code, int i) {
		return String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
	}

	private static String randomAddress() {
		return new Api(null).address();
	}

}
