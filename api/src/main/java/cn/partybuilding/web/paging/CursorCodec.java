package cn.partybuilding.web.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import cn.partybuilding.system.MasterKey;

/**
 * Turns keyset positions into opaque cursors and back. A cursor is the position,
 * base64url, and an HMAC over it and the list's path: a cursor that was altered, made up
 * or taken from another list does not decode.
 */
@Component
class CursorCodec {

	private static final char SEPARATOR = '\u001f';

	private static final int MAC_LENGTH = 16;

	private final SecretKeySpec key;

	CursorCodec(MasterKey masterKey) {
		this.key = new SecretKeySpec(masterKey.derive("party/cursor/v1"), "HmacSHA256");
	}

	String encode(String path, List<String> position) {
		byte[] payload = String.join(String.valueOf(SEPARATOR), position).getBytes(StandardCharsets.UTF_8);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(payload) + "." + base64.encodeToString(mac(path, payload));
	}

	Optional<List<String>> decode(String path, String cursor) {
		int dot = cursor.indexOf('.');
		if (dot <= 0 || cursor.length() > 2048) {
			return Optional.empty();
		}
		try {
			Base64.Decoder base64 = Base64.getUrlDecoder();
			byte[] payload = base64.decode(cursor.substring(0, dot));
			byte[] mac = base64.decode(cursor.substring(dot + 1));
			if (!MessageDigest.isEqual(mac, mac(path, payload))) {
				return Optional.empty();
			}
			String joined = new String(payload, StandardCharsets.UTF_8);
			return Optional.of(List.of(joined.split(String.valueOf(SEPARATOR), -1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] mac(String path, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(path.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Arrays.copyOf(mac.doFinal(payload), MAC_LENGTH);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
