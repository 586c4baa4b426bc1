import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a new JWK set with one RSA 2048 private key (RS256, with a kid) on one line, as PARTY_JWT_KEYS takes it: the
 * kind of key the server generates itself. Only the JDK: run it from source, {@code java deploy/lib/NewJwkSet.java}
 * (Java 11 or later).
 */
public class NewJwkSet {

	public static void main(String[] args) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var pair = generator.generateKeyPair();
		var publicKey = (RSAPublicKey) pair.getPublic();
		var privateKey = (RSAPrivateCrtKey) pair.getPrivate();
		System.out.println("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\""
				+ ",\"kid\":\"" + UUID.randomUUID() + "\""
				+ member("n", publicKey.getModulus()) + member("e", publicKey.getPublicExponent())
				+ member("d", privateKey.getPrivateExponent()) + member("p", privateKey.getPrimeP())
				+ member("q", privateKey.getPrimeQ()) + member("dp", privateKey.getPrimeExponentP())
				+ member("dq", privateKey.getPrimeExponentQ()) + member("qi", privateKey.getCrtCoefficient()) + "}]}");
	}

	/** RFC 7518 6.3: {@code ,"name":"value"}, the value unsigned big-endian in base64url without padding. */
	private static String member(String name, BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return ",\"" + name + "\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\"";
	}

}
