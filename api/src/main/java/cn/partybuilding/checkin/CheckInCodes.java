package cn.partybuilding.checkin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating check-in code of a meeting or a base:
 * {@code base32(HMAC-SHA256(secret, subjectId ‖ window))} cut to ten characters, with
 * {@code window = floor(epochSeconds / 30)}. Nothing is stored: a code is checked by
 * computing it again. A code is accepted in its own window and the one after it, so a
 * code read off the screen the moment before it changes still works for 30 s, and no
 * longer: a code relayed to someone who is not there is worth at most 60 s. No code of a
 * window still to come is accepted: nobody present can have seen one (instances keep
 * their clocks in step; clocks a few milliseconds apart refuse a code only in those
 * milliseconds after it turns). A code of the last hour is "expired"; anything else
 * (another subject's code, a made-up one, yesterday's) is invalid.
 */
public final class CheckInCodes {

	public static final int WINDOW_SECONDS = 30;

	/**
	 * How far back a code still counts as a real one that expired, rather than an invalid
	 * one: an hour.
	 */
	static final int EXPIRED_WINDOWS = 3600 / WINDOW_SECONDS;

	private static final char[] BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int LENGTH = 10;

	private static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private CheckInCodes() {
	}

	/** What a presented code is worth. */
	public enum Verdict {

		VALID, EXPIRED, INVALID

	}

	/**
	 * A fresh random secret for a subject's codes; it never leaves the server (store it
	 * encrypted).
	 */
	public static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	public static long window(Instant now) {
		return Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS);
	}

	/** The code of the window {@code now} falls in. */
	public static String current(byte[] secret, UUID subjectId, Instant now) {
		return code(secret, subjectId, window(now));
	}

	/**
	 * Until when the current code is accepted: the end of the window after the current
	 * one, exactly what {@link #verify} accepts (the secretary's screen shows this).
	 */
	public static Instant expiresAt(Instant now) {
		return Instant.ofEpochSecond((window(now) + 2) * WINDOW_SECONDS);
	}

	/** The code to show now, and until when it is accepted. */
	public static Shown shown(byte[] secret, UUID subjectId, Instant now) {
		return new Shown(current(secret, subjectId, now), expiresAt(now));
	}

	public static Verdict verify(byte[] secret, UUID subjectId, String presented, Instant now) {
		String code = presented.trim().toUpperCase(Locale.ROOT);
		if (code.length() != LENGTH) {
			return Verdict.INVALID;
		}
		long window = window(now);
		for (long w = window; w >= window - 1; w--) {
			if (same(code, code(secret, subjectId, w))) {
				return Verdict.VALID;
			}
		}
		for (long w = window - 2; w >= window - EXPIRED_WINDOWS; w--) {
			if (same(code, code(secret, subjectId, w))) {
				return Verdict.EXPIRED;
			}
		}
		return Verdict.INVALID;
	}

	/** The code of a window (for tests and tools that need a code of another moment). */
	public static String code(byte[] secret, UUID subjectId, long window) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] digest = mac.doFinal(ByteBuffer.allocate(24)
				.putLong(subjectId.getMostSignificantBits())
				.putLong(subjectId.getLeastSignificantBits())
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

	/**
	 * A code as a screen shows it.
	 *
	 * @param expiresAt until when it is accepted
	 */
	public record Shown(String code, Instant expiresAt) {
	}

	private static boolean same(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

}
