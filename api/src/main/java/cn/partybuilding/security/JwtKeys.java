package cn.partybuilding.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.partybuilding.system.PartySettings;

/**
 * The keys access tokens are signed and verified with, each with a {@code kid}: RSA keys
 * of at least 2048 bits (RS256) or EC P-256 keys (ES256). They come from
 * {@code PARTY_JWT_KEYS} (a JWK set as JSON, or the path of a file holding one) or are
 * generated once into the data directory. The first key signs; every key verifies, so a
 * new key can be put first while tokens signed with the old one stay valid until they
 * expire.
 * <p>
 * A generated key is RSA: every request verifies a signature, and the JDK verifies RS256
 * in about 30 µs but ES256 in about 400 µs, which made ES256 half of the server's work
 * when a thousand members open the app as a meeting starts, each with a token this
 * instance has not seen yet. Signing, once per login or refresh, is the slower one with
 * RSA (under a millisecond) and costs nothing next to the password hash. EC keys still
 * work, for deployments that have them: put an RSA key first to move.
 */
@Component
class JwtKeys {

	private static final Logger logger = LoggerFactory.getLogger(JwtKeys.class);

	private static final String FILE = "jwt-keys.json";

	private final JWKSet keys;

	/** The algorithm of each key, in the keys' order: the first is the signing one. */
	private final List<SignatureAlgorithm> algorithms;

	JwtKeys(PartySettings settings) {
		this.keys = load(settings);
		this.algorithms = this.keys.getKeys().stream().map((key) -> {
			SignatureAlgorithm algorithm = algorithmOf(key);
			if (algorithm == null || key.getKeyID() == null) {
				throw new IllegalStateException(
						"Every JWT key must be an RSA key of at least 2048 bits or an EC P-256 key, with a kid");
			}
			return algorithm;
		}).toList();
		if (!this.keys.getKeys().get(0).isPrivate()) {
			throw new IllegalStateException("The first JWT key signs, so it must be a private key");
		}
	}

	/** The private key that signs new tokens. */
	JWK signingKey() {
		return this.keys.getKeys().get(0);
	}

	/** The algorithm new tokens are signed with: that of the signing key. */
	SignatureAlgorithm signingAlgorithm() {
		return this.algorithms.get(0);
	}

	/**
	 * The algorithms of the keys that verify: a token of another algorithm is refused
	 * whatever its key id says.
	 */
	Set<SignatureAlgorithm> verificationAlgorithms() {
		return new LinkedHashSet<>(this.algorithms);
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
			logger.info("Generated a JWT signing key in {}; set PARTY_JWT_KEYS to share keys between instances", file);
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

	/**
	 * RS256 for an RSA key of at least 2048 bits, ES256 for an EC P-256 key; nothing for
	 * any other key.
	 */
	static @Nullable SignatureAlgorithm algorithmOf(JWK key) {
		if (key instanceof RSAKey rsa && rsa.size() >= 2048) {
			return SignatureAlgorithm.RS256;
		}
		if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
			return SignatureAlgorithm.ES256;
		}
		return null;
	}

	/** A new RSA key, as generated on a first start. */
	static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	/** A new EC P-256 key, as older deployments have. */
	static ECKey generateEc() {
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
