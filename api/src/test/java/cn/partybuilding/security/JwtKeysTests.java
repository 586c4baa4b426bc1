package cn.partybuilding.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import cn.partybuilding.system.PartySettings;
import cn.partybuilding.system.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Signing keys: generated once and kept, or configured; the first signs, all verify, so keys can rotate. */
class JwtKeysTests {

	@TempDir
	Path dir;

	@Test
	void aGeneratedKeyIsKeptPrivatelyAndReusedOnTheNextStart() throws Exception {
		JwtKeys first = new JwtKeys(TestSettings.with(this.dir, null, null));
		JwtKeys second = new JwtKeys(TestSettings.with(this.dir, null, null));
		assertThat(second.signingKey().getKeyID()).isEqualTo(first.signingKey().getKeyID());
		assertThat(Files.getPosixFilePermissions(this.dir.resolve("jwt-keys.json")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(first.publicKeys().getKeys()).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void afterARotationTokensOfTheOldKeyStillVerifyAndNewOnesAreSignedWithTheNewKey() {
		ECKey oldKey = JwtKeys.generate();
		ECKey newKey = JwtKeys.generate();
		String before = tokenSignedBy(new JwtKeys(configured(new JWKSet(oldKey))));
		JwtKeys rotated = new JwtKeys(configured(new JWKSet(List.of(newKey, oldKey))));
		String after = tokenSignedBy(rotated);
		ReactiveJwtDecoder decoder = new SecurityConfiguration().jwtDecoder(rotated, configured(new JWKSet(newKey)));
		Jwt old = decoder.decode(before).block();
		Jwt fresh = decoder.decode(after).block();
		assertThat(old.getHeaders()).containsEntry("kid", oldKey.getKeyID());
		assertThat(fresh.getHeaders()).containsEntry("kid", newKey.getKeyID());
	}

	@Test
	void theFirstKeyMustBeAPrivateEcKey() {
		ECKey publicOnly = JwtKeys.generate().toPublicJWK();
		assertThatIllegalStateException().isThrownBy(() -> new JwtKeys(configured(new JWKSet(publicOnly))));
	}

	@Test
	void keysMayComeFromAFile() throws Exception {
		ECKey key = JwtKeys.generate();
		Path file = this.dir.resolve("keys.json");
		Files.writeString(file, new JWKSet(key).toString(false));
		JwtKeys keys = new JwtKeys(TestSettings.with(this.dir.resolve("unused"), file.toString(), null));
		assertThat(keys.signingKey().getKeyID()).isEqualTo(key.getKeyID());
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
