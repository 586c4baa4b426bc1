package cn.partybuilding.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.system.Ids;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.FakeGateways;
import cn.partybuilding.test.IntegrationTest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever happens, the logs never hold a password, a token, an SMS code or a phone
 * number.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIntegrationTests {

	static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	Api api;

	@Test
	void loggingInEveryWayLeavesNoSecretInTheLog(CapturedOutput output) {
		FakeGateways.reset();
		String phone = Api.newPhone();
		String password = "Hygiene#" + UUID.randomUUID();
		this.passwords.hash(password)
			.flatMap((hash) -> this.accounts.create(Ids.newId(), phone, hash))
			.block(Duration.ofSeconds(10));
		Map<String, Object> tokens = this.api.tokens(phone, password);
		this.api.anonymousPost("/api/v1/auth/login")
			.bodyValue(Map.of("phone", phone, "password", password + "x"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		Map<String, Object> refreshed = this.api.anonymousPost("/api/v1/auth/refresh")
			.bodyValue(Map.of("refreshToken", tokens.get("refreshToken")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		this.api.anonymousPost("/api/v1/auth/sms/send")
			.bodyValue(Map.of("phone", phone))
			.exchange()
			.expectStatus()
			.isAccepted();
		String code = lastCode();
		this.api.anonymousPost("/api/v1/auth/sms/login")
			.bodyValue(Map.of("phone", phone, "code", code))
			.exchange()
			.expectStatus()
			.isOk();
		this.api.get((String) refreshed.get("accessToken"), "/api/v1/no-such-page")
			.exchange()
			.expectStatus()
			.isNotFound();

		String log = output.getAll();
		assertThat(log).contains("/api/v1/auth/login");
		assertThat(log).doesNotContain(password)
			.doesNotContain((String) tokens.get("accessToken"))
			.doesNotContain((String) tokens.get("refreshToken"))
			.doesNotContain((String) refreshed.get("refreshToken"))
			.doesNotContain(code);
		Matcher phones = PHONE.matcher(log);
		assertThat(phones.find()).as("a phone number in the log: %s", phones.results().toList()).isFalse();
	}

	private static String lastCode() {
		List<LoggedRequest> sent = FakeGateways.server().findAll(postRequestedFor(urlEqualTo("/sms")));
		Matcher code = Pattern.compile("\"code\":\"(\\d{6})\"").matcher(sent.get(sent.size() - 1).getBodyAsString());
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

}
