package cn.partybuilding.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;
import cn.partybuilding.test.SecondInstance;
import cn.partybuilding.test.TestDistrict;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance configured as production would be by mistake, without an SMS gateway: login
 * codes go nowhere, not to the log either, and asking for one answers 503 SMS_UNAVAILABLE
 * for every phone alike.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SmsWithoutGatewayIntegrationTests {

	@Autowired
	TestDistrict district;

	@Test
	void withoutAGatewayNoLoginCodeIsSentNorLogged(CapturedOutput output) {
		try (SecondInstance production = SecondInstance.start("party.notification.sms-gateway-url=")) {
			WebTestClient other = production.client();
			for (String phone : new String[] { this.district.memberA.phone(), Api.newPhone() }) {
				assertProblem(other.post()
					.uri("/api/v1/auth/sms/send")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("phone", phone))
					.exchange(), 503, "SMS_UNAVAILABLE");
			}
		}
		assertThat(output.getAll()).doesNotContain("login code");
	}

}
