package cn.partybuilding.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.FakeGateways;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in from the mini program against a fake WeChat API, and binding an openid with
 * phone and SMS code.
 */
@IntegrationTest
class WechatLoginIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Api api;

	@Autowired
	TestDistrict district;

	@BeforeEach
	void setUp() {
		FakeGateways.reset();
	}

	@Test
	void anUnboundOpenidGetsABindTokenThenBindsWithPhoneAndSmsCodeAndLogsInDirectlyAfter() {
		String code = wechatKnows("openid-" + UUID.randomUUID());
		Map<String, Object> problem = login(code).expectStatus()
			.isNotFound()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(problem).containsEntry("code", "WECHAT_NOT_BOUND").containsKey("bindToken");
		String bindToken = (String) problem.get("bindToken");
		this.api.anonymousPost("/api/v1/auth/sms/send")
			.bodyValue(Map.of("phone", this.district.memberA.phone()))
			.exchange()
			.expectStatus()
			.isAccepted();
		bind(bindToken, this.district.memberA.phone(), lastCode()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.accessToken")
			.isNotEmpty();
		login(code).expectStatus().isOk().expectBody().jsonPath("$.refreshToken").isNotEmpty();
	}

	@Test
	void aBindWithAWrongSmsCodeIsRefusedAndAnUnknownBindTokenIsExpired() {
		String code = wechatKnows("openid-" + UUID.randomUUID());
		String bindToken = (String) login(code).expectStatus()
			.isNotFound()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("bindToken");
		bind(bindToken, this.district.memberB.phone(), "000000").expectStatus().isUnauthorized();
		this.api.anonymousPost("/api/v1/auth/sms/send")
			.bodyValue(Map.of("phone", this.district.memberB.phone()))
			.exchange()
			.expectStatus()
			.isAccepted();
		assertProblem(bind("no-such-token", this.district.memberB.phone(), lastCode()), 422, "WECHAT_BIND_EXPIRED");
	}

	@Test
	void anOpenidBoundToAnotherAccountCannotBeBoundAgain() {
		String openid = "openid-" + UUID.randomUUID();
		bindOpenid(openid, this.district.memberA);
		String code = wechatKnows(openid);
		login(code).expectStatus().isOk();
		// A second, unbound account tries to take the same openid through a fresh bind
		// token.
		String otherCode = wechatKnows("openid-" + UUID.randomUUID());
		String bindToken = (String) login(otherCode).expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("bindToken");
		this.context.getBean(BindTokens.class).redeem(bindToken).block();
		String stolen = this.context.getBean(BindTokens.class).issue(openid).block();
		this.api.anonymousPost("/api/v1/auth/sms/send")
			.bodyValue(Map.of("phone", this.district.memberB.phone()))
			.exchange()
			.expectStatus()
			.isAccepted();
		assertProblem(bind(stolen, this.district.memberB.phone(), lastCode()), 409, "WECHAT_ALREADY_BOUND");
	}

	@Test
	void anInvalidCodeIsA400() {
		String code = "bad-" + UUID.randomUUID();
		wechatAnswers(code, "{\"errcode\":40029,\"errmsg\":\"invalid code\"}", 0);
		assertProblem(login(code), 400, "WECHAT_CODE_INVALID");
	}

	@Test
	void aCodeWechatNeverIssuesIsA400AndNeverReachesWechat() {
		String code = "injected-" + UUID.randomUUID();
		wechatAnswers(code, "{\"openid\":\"someone-else\",\"session_key\":\"k\"}", 0);
		// Spliced into WeChat's URL as it was, this code would have added a parameter of
		// its own choosing.
		for (String forged : List.of("x&js_code=" + code, "x y", "x%26y", "")) {
			login(forged).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
		}
		assertThat(FakeGateways.server()
			.findAll(getRequestedFor(urlPathEqualTo("/wechat/sns/jscode2session")).withQueryParam("js_code",
					equalTo(code))))
			.isEmpty();
	}

	@Test
	void aRateLimitOrAnOutageOrATimeoutIsA503() {
		String limited = "limited-" + UUID.randomUUID();
		wechatAnswers(limited, "{\"errcode\":45011,\"errmsg\":\"api minute-quota reach limit\"}", 0);
		assertProblem(login(limited), 503, "WECHAT_UNAVAILABLE");
		String slow = "slow-" + UUID.randomUUID();
		wechatAnswers(slow, "{\"openid\":\"late\",\"session_key\":\"k\"}", 3000);
		login(slow).expectStatus().isEqualTo(503);
	}

	private void bindOpenid(String openid, TestDistrict.Person person) {
		this.context.getBean(cn.partybuilding.account.Accounts.class).bindOpenid(person.id(), openid).block();
	}

	private String wechatKnows(String openid) {
		String code = "code-" + UUID.randomUUID();
		wechatAnswers(code, "{\"openid\":\"" + openid + "\",\"session_key\":\"session\"}", 0);
		return code;
	}

	private static void wechatAnswers(String code, String body, int delayMillis) {
		FakeGateways.server()
			.stubFor(get(urlPathEqualTo("/wechat/sns/jscode2session")).withQueryParam("js_code", equalTo(code))
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody(body)
					.withFixedDelay(delayMillis)));
	}

	private WebTestClient.ResponseSpec login(String code) {
		return this.api.anonymousPost("/api/v1/auth/wechat/login").bodyValue(Map.of("code", code)).exchange();
	}

	private WebTestClient.ResponseSpec bind(String bindToken, String phone, String smsCode) {
		return this.api.anonymousPost("/api/v1/auth/wechat/bind")
			.bodyValue(Map.of("bindToken", bindToken, "phone", phone, "smsCode", smsCode))
			.exchange();
	}

	private static String lastCode() {
		List<LoggedRequest> sent = FakeGateways.server().findAll(postRequestedFor(urlEqualTo("/sms")));
		Matcher code = Pattern.compile("\"code\":\"(\\d{6})\"").matcher(sent.get(sent.size() - 1).getBodyAsString());
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

}
