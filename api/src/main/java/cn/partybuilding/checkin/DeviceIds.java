package cn.partybuilding.checkin;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import cn.partybuilding.personaldata.BlindIndex;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * The device a member checks in from: the app's install id, sent as {@code X-Device-Id}
 * with every check-in. One device checks in one member per meeting or visit (DingTalk's
 * 一人一机), so a member cannot check in a friend from their own phone. The id is required, 1
 * to 128 printable ASCII characters, and is kept only as a keyed hash
 * ({@link BlindIndex#device}): it identifies a phone, so it is never stored or logged in
 * clear.
 */
@Component
public class DeviceIds {

	/** The header the app sends its install id in. */
	public static final String HEADER = "X-Device-Id";

	public static final int MAX_LENGTH = 128;

	/** How the header reads in the OpenAPI document. */
	public static final String DESCRIPTION = "The app's install id: 1 to " + MAX_LENGTH + " printable ASCII characters";

	private final BlindIndex index;

	DeviceIds(BlindIndex index) {
		this.index = index;
	}

	/**
	 * The keyed hash of the device the header names; a 400 naming the header when it is
	 * missing or malformed.
	 */
	public byte[] hash(@Nullable String header) {
		if (header == null || header.isBlank()) {
			throw DomainException.invalid(Violation.of(HEADER, "required"));
		}
		if (!wellFormed(header)) {
			throw DomainException.invalid(Violation.of(HEADER, "deviceId", MAX_LENGTH));
		}
		return this.index.device(header);
	}

	/**
	 * 1 to 128 printable ASCII characters (spaces inside are printable; the header's own
	 * trimming removes the rest).
	 */
	static boolean wellFormed(String id) {
		int length = id.length();
		if (length < 1 || length > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			if (c < 0x20 || c > 0x7E) {
				return false;
			}
		}
		return true;
	}

}
