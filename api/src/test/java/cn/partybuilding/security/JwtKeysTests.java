package cn.partybuilding.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import cn.partybuilding.system.PartySettings;
import cn.partybuilding.system.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing keys: generated once and kept, or configured; the first signs, all verify, so
 * keys can rotate.
 */
class JwtKeysTests {

	/** Sessions are not what these tests are about: every session stands. */
	static final SessionStates ANY_SESSION = (session, version) -> true;

	@TempDir
	Path dir;

	@Test
	void aGeneratedKeyIsKeptPrivatelyAndReusedOnTheNextStart() throws Exception {
		JwtKeys first = new JwtKeys(TestSettings.with(this.dir, null, null));
		JwtKeys second = new JwtKeys(TestSettings.with(this.dir, null, null));
		assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
		// RSA: verifying RS256 is an order of magnitude cheaper than ES256, and every
		// request verifies.
		assertThat(first.signingKey()).isInstanceOf(RSAKey.class);
		assertThat(((RSAKey) first.signingKey()).size()).isGreaterThanOrEqualTo(2048);
		assertThat(SignedJWT.parse(tokenSignedBy(first)).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(Files.getPosixFilePermissions(this.dir.resolve("jwt-keys.json")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(first.publicKeys().getKeys()).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void afterARotationTokensOfTheOldKeyStillVerifyAndNewOnesAreSignedWithTheNewKey() {
		RSAKey oldKey = JwtKeys.generate();
		RSAKey newKey = JwtKeys.generate();
		String before = tokenSignedBy(new JwtKeys(configured(new JWKSet(oldKey))));
		JwtKeys rotated = new JwtKeys(configured(new JWKSet(List.of(newKey, oldKey))));
		String after = tokenSignedBy(rotated);
		ReactiveJwtDecoder decoder = new SecurityConfiguration().jwtDecoder(rotated, configured(new JWKSet(newKey)),
				ANY_SESSION);
		Jwt old = decoder.decode(before).block();
		Jwt fresh = decoder.decode(after).block();
		assertThat(old.getHeaders()).containsEntry("kid", oldKey.getKeyID());
		assertThat(fresh.getHeaders()).containsEntry("kid", newKey.getKeyID());
	}

	@Test
	void aDeploymentWithAnEcKeyMovesToRsaByPuttingAnRsaKeyFirst() throws Exception {
		ECKey ecKey = JwtKeys.generateEc();
		JwtKeys before = new JwtKeys(configured(new JWKSet(ecKey)));
		String es256 = tokenSignedBy(before);
		assertThat(SignedJWT.parse(es256).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		RSAKey rsaKey = JwtKeys.generate();
		JwtKeys moved = new JwtKeys(configured(new JWKSet(List.of(rsaKey, ecKey))));
		String rs256 = tokenSignedBy(moved);
		ReactiveJwtDecoder decoder = new SecurityConfiguration().jwtDecoder(moved, configured(new JWKSet(rsaKey)),
				ANY_SESSION);

		assertThat(decoder.decode(es256).block().getHeaders()).containsEntry("alg", JWSAlgorithm.ES256.getName())
			.containsEntry("kid", ecKey.getKeyID());
		assertThat(decoder.decode(rs256).block().getHeaders()).containsEntry("alg", JWSAlgorithm.RS256.getName())
			.containsEntry("kid", rsaKey.getKeyID());
	}

	@Test
	void aTokenWhoseAlgorithmDoesNotFitTheKeyItNamesIsRefused() throws Exception {
		RSAKey rsaKey = JwtKeys.generate();
		ECKey ecKey = JwtKeys.generateEc();
		JwtKeys keys = new JwtKeys(configured(new JWKSet(List.of(rsaKey, ecKey))));
		ReactiveJwtDecoder decoder = new SecurityConfiguration().jwtDecoder(keys, configured(new JWKSet(rsaKey)),
				ANY_SESSION);
		JWTClaimsSet claims = SignedJWT.parse(tokenSignedBy(keys)).getJWTClaimsSet();
		// ES256 under the RSA key's id, RS256 under the EC key's id: each signed with a
		// key of the named kind.
		ECKey otherEc = new ECKeyGenerator(Curve.P_256).keyID(rsaKey.getKeyID()).generate();
		RSAKey otherRsa = new RSAKeyGenerator(2048).keyID(ecKey.getKeyID()).generate();
		SignedJWT es256 = new SignedJWT(header(JWSAlgorithm.ES256, rsaKey.getKeyID()), claims);
		es256.sign(new ECDSASigner(otherEc));
		SignedJWT rs256 = new SignedJWT(header(JWSAlgorithm.RS256, ecKey.getKeyID()), claims);
		rs256.sign(new RSASSASigner(otherRsa));

		assertThatThrownBy(() -> decoder.decode(es256.serialize()).block()).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> decoder.decode(rs256.serialize()).block()).isInstanceOf(JwtException.class);
	}

	@Test
	void onlyAlgorithmsOfTheConfiguredKeysAreAccepted() throws Exception {
		RSAKey rsaKey = JwtKeys.generate();
		JwtKeys keys = new JwtKeys(configured(new JWKSet(rsaKey)));
		assertThat(keys.verificationAlgorithms()).containsExactly(SignatureAlgorithm.RS256);
		ReactiveJwtDecoder decoder = new SecurityConfiguration().jwtDecoder(keys, configured(new JWKSet(rsaKey)),
				ANY_SESSION);
		ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(rsaKey.getKeyID()).generate();
		SignedJWT token = new SignedJWT(header(JWSAlgorithm.ES256, rsaKey.getKeyID()),
				SignedJWT.parse(tokenSignedBy(keys)).getJWTClaimsSet());
		token.sign(new ECDSASigner(ec));

		assertThatThrownBy(() -> decoder.decode(token.serialize()).block()).isInstanceOf(JwtException.class);
	}

	@Test
	void theFirstKeyMustBePrivate() {
		RSAKey publicOnly = JwtKeys.generate().toPublicJWK();
		assertThatIllegalStateException().isThrownBy(() -> new JwtKeys(configured(new JWKSet(publicOnly))));
	}

	@Test
	void keysOfOtherKindsAreRefusedAtStart() throws Exception {
		JWK small = new RSAKeyGenerator(1024, true).keyID("small").generate();
		JWK p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();
		JWK noKid = new RSAKeyGenerator(2048).generate();
		for (JWK key : List.of(small, p384, noKid)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> new JwtKeys(configured(new JWKSet(List.of(JwtKeys.generate(), key)))));
		}
	}

	@Test
	void keysMayComeFromAFile() throws Exception {
		RSAKey key = JwtKeys.generate();
		Path file = this.dir.resolve("keys.json");
		Files.writeString(file, new JWKSet(key).toString(false));
		JwtKeys keys = new JwtKeys(TestSettings.with(this.dir.resolve("unused"), file.toString(), null));
		assertThat(keys.signingKey().getKeyID()).isEqualTo(key.getKeyID());
	}

	private static JWSHeader header(JWSAlgorithm algorithm, String keyId) {
		return new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build();
	}

	private PartySettings configured(JWKSet set) {
		return TestSettings.with(this.dir, set.toString(false), null);
	}

	private String tokenSignedBy(JwtKeys keys) {
		PartySettings settings = TestSettings.with(this.dir, null, null);
		TokenIssuer issuer = new TokenIssuer(new SecurityConfiguration().jwtEncoder(keys), keys, settings,
				Clock.systemUTC());
		return issuer.issue(UUID.randomUUID(), null, List.of(new RoleGrant(Role.SYS_ADMIN, null)), UUID.randomUUID())
			.value();
	}

}
