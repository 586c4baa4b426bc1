package cn.partybuilding.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.partybuilding.system.PartySettings;

/**
 * The keys access tokens are signed and verified with: ES256 (EC P-256) keys with a {@code kid}. They come from
 * {@code PARTY_JWT_KEYS} (a JWK set as JSON, or the path of a file holding one) or are generated once into the data
 * directory. The first key signs; every key verifies, so a new key can be put first while tokens signed with the old
 * one stay valid until they expire.
 */
@Component
class JwtKeys {

	private static final Logger logger = LoggerFactory.getLogger(JwtKeys.class);

	private static final String FILE = "jwt-keys.json";

	private final JWKSet keys;

	JwtKeys(PartySettings settings) {
		this.keys = load(settings);
		JWK first = this.keys.getKeys().get(0);
		if (!(first instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())
				|| first.getKeyID() == null) {
			throw new IllegalStateException("The first JWT key must be a private EC P-256 key with a kid");
		}
	}

	/** The private key that signs new tokens. */
	ECKey signingKey() {
		return (ECKey) this.keys.getKeys().get(0);
	}

	/** Every key that verifies, public parts only. */
	List<JWK> verificationKeys() {
		return this.keys.toPublicJWKSet().getKeys();
	}

	/** The public JWK set, as served at {@code /.well-known/jwks.json}. */
	JWKSet publicKeys() {
		return this.keys.toPublicJWKSet();
	}

	private static JWKSet load(PartySettings settings) {
		String configured = settings.jwt().keys();
		try {
			if (StringUtils.hasText(configured)) {
				String json = configured.trim().startsWith("{") ? configured : Files.readString(Path.of(configured));
				return nonEmpty(JWKSet.parse(json));
			}
			Path file = settings.dataDir().resolve(FILE);
			if (Files.exists(file)) {
				return nonEmpty(JWKSet.parse(Files.readString(file)));
			}
			JWKSet generated = new JWKSet(generate());
			Files.createDirectories(settings.dataDir());
			Files.writeString(file, generated.toString(false), StandardOpenOption.CREATE_NEW);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system.
			}
			logger.info("Generated a JWT signing key in {}; set PARTY_JWT_KEYS to share keys between instances",
					file);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the JWT keys", ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The JWT keys are not a valid JWK set", ex);
		}
	}

	private static JWKSet nonEmpty(JWKSet set) {
		if (set.getKeys().isEmpty()) {
			throw new IllegalStateException("The JWT key set holds no key");
		}
		return set;
	}

	static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an EC key", ex);
		}
	}

}
