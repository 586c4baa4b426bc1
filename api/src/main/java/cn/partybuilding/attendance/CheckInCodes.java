package cn.partybuilding.attendance;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating check-in code: {@code base32(HMAC-SHA256(secret, activityId ‖ window))} cut to ten characters, with
 * {@code window = floor(epochSeconds / 30)}. Nothing is stored: a code is checked by computing it again. A code is
 * accepted in its own window and the next one (and one window early, for clocks a little apart); a code of the last
 * hour is "expired"; anything else — another activity's code, a made-up one, yesterday's — is invalid.
 */
final class CheckInCodes {

	static final int WINDOW_SECONDS = 30;

	/** How far back a code still counts as a real one that expired, rather than an invalid one. */
	static final int EXPIRED_WINDOWS = 120;

	private static final char[] BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int LENGTH = 10;

	private CheckInCodes() {
	}

	enum Verdict {

		VALID, EXPIRED, INVALID

	}

	static long window(Instant now) {
		return Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS);
	}

	/** The code of the window {@code now} falls in. */
	static String current(byte[] secret, UUID activityId, Instant now) {
		return code(secret, activityId, window(now));
	}

	/** Until when the current code is accepted: the end of the window after the current one. */
	static Instant expiresAt(Instant now) {
		return Instant.ofEpochSecond((window(now) + 2) * WINDOW_SECONDS);
	}

	static Verdict verify(byte[] secret, UUID activityId, String presented, Instant now) {
		String code = presented.trim().toUpperCase(java.util.Locale.ROOT);
		if (code.length() != LENGTH) {
			return Verdict.INVALID;
		}
		long window = window(now);
		for (long w = window + 1; w >= window - 1; w--) {
			if (same(code, code(secret, activityId, w))) {
				return Verdict.VALID;
			}
		}
		for (long w = window - 2; w >= window - EXPIRED_WINDOWS; w--) {
			if (same(code, code(secret, activityId, w))) {
				return Verdict.EXPIRED;
			}
		}
		return Verdict.INVALID;
	}

	static String code(byte[] secret, UUID activityId, long window) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] digest = mac.doFinal(ByteBuffer.allocate(24)
				.putLong(activityId.getMostSignificantBits())
				.putLong(activityId.getLeastSignificantBits())
				.putLong(window)
				.array());
			StringBuilder code = new StringBuilder(LENGTH);
			long bits = ByteBuffer.wrap(digest).getLong();
			for (int i = 0; i < LENGTH; i++) {
				code.append(BASE32[(int) (bits & 31)]);
				bits >>>= 5;
			}
			return code.toString();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static boolean same(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
				b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

}
