package cn.partybuilding.test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one assertion on an error response: a problem document
 * ({@code application/problem+json}) with its code.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * Asserts that {@code response} is a problem with {@code status} and {@code code},
	 * and returns its body for assertions on other members ({@code detail},
	 * {@code errors}, …).
	 */
	public static WebTestClient.BodyContentSpec assertProblem(WebTestClient.ResponseSpec response, int status,
			String code) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
	}

}
