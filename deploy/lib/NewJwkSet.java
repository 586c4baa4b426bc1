import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a new JWK set with one EC P-256 private key (ES256, with a kid) on one line, as PARTY_JWT_KEYS takes it.
 * Only the JDK: run it from source, {@code java deploy/lib/NewJwkSet.java} (Java 11 or later).
 */
public class NewJwkSet {

	public static void main(String[] args) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		var pair = generator.generateKeyPair();
		var publicKey = (ECPublicKey) pair.getPublic();
		var privateKey = (ECPrivateKey) pair.getPrivate();
		System.out.println("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"use\":\"sig\",\"alg\":\"ES256\""
				+ ",\"kid\":\"" + UUID.randomUUID() + "\""
				+ ",\"x\":\"" + coordinate(publicKey.getW().getAffineX()) + "\""
				+ ",\"y\":\"" + coordinate(publicKey.getW().getAffineY()) + "\""
				+ ",\"d\":\"" + coordinate(privateKey.getS()) + "\"}]}");
	}

	/** RFC 7518 6.2.1: the unsigned big-endian value, padded to the curve's 32 bytes, base64url without padding. */
	private static String coordinate(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
	}

}
