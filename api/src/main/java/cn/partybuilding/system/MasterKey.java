package cn.partybuilding.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import com.google.crypto.tink.subtle.Hkdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The secret every key for data at rest is derived from: {@code PARTY_DATA_KEY} (base64,
 * at least 32 bytes) or, when that is not set, a key generated once into the data
 * directory and reused on every start. It never enters the database. Each use gets its
 * own key through HKDF, so a key for cursors cannot decrypt phone numbers.
 */
@Component
public class MasterKey {

	private static final Logger logger = LoggerFactory.getLogger(MasterKey.class);

	private static final String FILE = "data-key";

	private final byte[] secret;

	MasterKey(PartySettings settings) {
		this.secret = load(settings);
	}

	/** A 32-byte key for one purpose, e.g. {@code "party/phone/aead/v1"}. */
	public byte[] derive(String purpose) {
		try {
			return Hkdf.computeHkdf("HMACSHA256", this.secret, new byte[0], purpose.getBytes(StandardCharsets.UTF_8),
					32);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HKDF is not available", ex);
		}
	}

	private static byte[] load(PartySettings settings) {
		if (StringUtils.hasText(settings.dataKey())) {
			return decode(settings.dataKey().trim(), "PARTY_DATA_KEY");
		}
		Path file = settings.dataDir().resolve(FILE);
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file).trim(), file.toString());
			}
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			Files.createDirectories(settings.dataDir());
			Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardOpenOption.CREATE_NEW);
			restrict(file);
			logger.info("Generated a data key in {}; set PARTY_DATA_KEY to share one key between instances", file);
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the data key in " + settings.dataDir(), ex);
		}
	}

	private static byte[] decode(String base64, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not base64", ex);
		}
		if (key.length < 32) {
			throw new IllegalStateException(source + " must hold at least 32 bytes (openssl rand -base64 32)");
		}
		return key;
	}

	/**
	 * Only the owner may read a generated key, where the file system knows permissions.
	 */
	static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: nothing more can be done here.
		}
	}

}
