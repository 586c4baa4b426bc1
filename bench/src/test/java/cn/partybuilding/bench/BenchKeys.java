package cn.partybuilding.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The bench's own token issuer, with the JDK only (so {@code bench/checkin} can run it as a single source file before
 * anything is built): it makes an RSA key as the server generates them, writes it as the JWK set the server is started
 * with ({@code PARTY_JWT_KEYS}), and signs RS256 access tokens with the claims {@code TokenIssuer} issues (sub, roles,
 * branchId, sid, iss {@code party}, aud {@code party-app}, exp), so thousands of members need no logins.
 *
 * <pre>
 * java BenchKeys.java keys DIR                         writes DIR/jwks.json and DIR/signing-key.txt
 * java BenchKeys.java token DIR SUBJECT ROLE SCOPE [BRANCH]   prints a token valid for an hour
 * </pre>
 */
public final class BenchKeys {

	static final String ISSUER = "party";

	static final String AUDIENCE = "party-app";

	private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

	private final String keyId;

	private final PrivateKey key;

	private BenchKeys(String keyId, PrivateKey key) {
		this.keyId = keyId;
		this.key = key;
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[1]);
		switch (args[0]) {
			case "keys" -> generate(dir);
			case "token" -> System.out.println(load(dir).sign(UUID.fromString(args[2]), args[3],
					UUID.fromString(args[4]), (args.length > 5) ? UUID.fromString(args[5]) : null,
					Instant.now().plusSeconds(3600)));
			default -> throw new IllegalArgumentException("keys DIR | token DIR SUBJECT ROLE SCOPE [BRANCH]");
		}
	}

	static void generate(Path dir) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
		RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair.getPrivate();
		String kid = "bench-" + UUID.randomUUID();
		String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\""
				+ member("n", pub.getModulus()) + member("e", pub.getPublicExponent())
				+ member("d", priv.getPrivateExponent()) + member("p", priv.getPrimeP()) + member("q", priv.getPrimeQ())
				+ member("dp", priv.getPrimeExponentP()) + member("dq", priv.getPrimeExponentQ())
				+ member("qi", priv.getCrtCoefficient()) + "}]}";
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("jwks.json"), jwks);
		Files.writeString(dir.resolve("signing-key.txt"),
				kid + "\n" + Base64.getEncoder().encodeToString(priv.getEncoded()) + "\n");
	}

	/** The key {@link #generate} wrote into {@code dir}. */
	static BenchKeys load(Path dir) throws Exception {
		String[] lines = Files.readString(dir.resolve("signing-key.txt")).split("\n");
		PrivateKey key = KeyFactory.getInstance("RSA")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[1].trim())));
		return new BenchKeys(lines[0].trim(), key);
	}

	/** An access token as the server issues them: {@code roles} holds one grant of {@code role} over {@code scope}. */
	String sign(UUID subject, String role, UUID scope, UUID branch, Instant expiresAt) {
		long now = Instant.now().getEpochSecond();
		String header = "{\"kid\":\"" + this.keyId + "\",\"typ\":\"JWT\",\"alg\":\"RS256\"}";
		String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":[\"" + AUDIENCE + "\"],\"sub\":\"" + subject
				+ "\",\"iat\":" + now + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID()
				+ "\",\"roles\":[{\"role\":\"" + role + "\",\"scope\":\"" + scope + "\"}],\"sid\":\""
				+ UUID.randomUUID() + "\"" + ((branch != null) ? ",\"branchId\":\"" + branch + "\"" : "") + "}";
		String input = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ B64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(this.key);
			signature.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + B64URL.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code ,"name":"value"} with an RSA parameter as JWK wants it (RFC 7518 6.3): unsigned big-endian, base64url. */
	private static String member(String name, BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return ",\"" + name + "\":\"" + B64URL.encodeToString(bytes) + "\"";
	}

}
