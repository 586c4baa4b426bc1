package cn.partybuilding.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static cn.partybuilding.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only tokens we signed, for us, and still valid get in: unsigned tokens, HMAC tokens
 * keyed with our public key, foreign keys, foreign issuers or audiences, expired and
 * tampered tokens are all 401.
 */
@IntegrationTest
class TokenVerificationIntegrationTests {

	static final String ANY_PROTECTED = "/api/v1/probe/items?owner=x";

	@Autowired
	WebTestClient client;

	@Autowired
	Api api;

	/**
	 * The key the application generated into its data directory: RSA, or EC where an
	 * earlier run left one.
	 */
	JWK ourKey;

	Map<String, Object> validClaims;

	@BeforeEach
	void setUp() throws Exception {
		this.ourKey = JWKSet.parse(Files.readString(Path.of("target/test-data/jwt-keys.json"))).getKeys().get(0);
		String token = this.api.loginAsAdmin();
		this.validClaims = SignedJWT.parse(token).getJWTClaimsSet().toJSONObject();
	}

	@Test
	void aTokenWeSignedIsAccepted() throws Exception {
		assertStatus(sign(this.ourKey, claims().build()), 200);
	}

	@Test
	void anUnsignedTokenIsRefused() throws Exception {
		String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String payload = encode(claims().build().toString());
		assertStatus(header + "." + payload + ".", 401);
	}

	@Test
	void anHmacTokenKeyedWithOurPublicKeyIsRefused() throws Exception {
		byte[] secret = this.ourKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(this.ourKey.getKeyID()).build(),
				claims().build());
		jwt.sign(new MACSigner(secret));
		assertStatus(jwt.serialize(), 401);
	}

	@Test
	void aTokenSignedWithAForeignKeyIsRefusedEvenWithOurKeyId() throws Exception {
		JWK foreign = (this.ourKey instanceof RSAKey) ? rsaKey(this.ourKey.getKeyID()) : ecKey(this.ourKey.getKeyID());
		assertStatus(sign(foreign, claims().build()), 401);
	}

	@Test
	void aTokenOfTheOtherAlgorithmUnderOurKeyIdIsRefused() throws Exception {
		JWK foreign = (this.ourKey instanceof RSAKey) ? ecKey(this.ourKey.getKeyID()) : rsaKey(this.ourKey.getKeyID());
		assertStatus(sign(foreign, claims().build()), 401);
	}

	@Test
	void aForeignIssuerOrAudienceIsRefused() throws Exception {
		assertStatus(sign(this.ourKey, claims().issuer("someone-else").build()), 401);
		assertStatus(sign(this.ourKey, claims().audience("another-app").build()), 401);
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		Instant past = Instant.now().minusSeconds(3600);
		assertStatus(
				sign(this.ourKey,
						claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))).build()),
				401);
	}

	@Test
	void aTamperedTokenIsRefused() throws Exception {
		String[] parts = sign(this.ourKey, claims().build()).split("\\.");
		String forged = encode(claims().claim("roles", List.of(Map.of("role", "SYS_ADMIN")))
			.subject("00000000-0000-7000-8000-000000000000")
			.build()
			.toString());
		assertStatus(parts[0] + "." + forged + "." + parts[2], 401);
	}

	@Test
	void aRefusalIsAProblemThatSaysBearer() {
		assertProblem(
				this.client.get()
					.uri(ANY_PROTECTED)
					.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
					.exchange()
					.expectHeader()
					.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Bearer")),
				401, "UNAUTHORIZED");
	}

	private JWTClaimsSet.Builder claims() throws Exception {
		JWTClaimsSet valid = JWTClaimsSet.parse(this.validClaims);
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder(valid).issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	private static RSAKey rsaKey(String keyId) throws Exception {
		return new RSAKeyGenerator(2048).keyID(keyId).generate();
	}

	private static ECKey ecKey(String keyId) throws Exception {
		return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
	}

	/**
	 * Signed as the application signs with a key of this kind: RS256 with an RSA key,
	 * ES256 with an EC key.
	 */
	private static String sign(JWK key, JWTClaimsSet claims) throws Exception {
		boolean rsa = key instanceof RSAKey;
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256).keyID(key.getKeyID())
					.type(JOSEObjectType.JWT)
					.build(),
				claims);
		jwt.sign(rsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key));
		return jwt.serialize();
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private void assertStatus(String token, int status) {
		this.client.get()
			.uri(ANY_PROTECTED)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(status);
	}

}
