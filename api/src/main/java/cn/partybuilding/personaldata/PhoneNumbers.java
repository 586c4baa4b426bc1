package cn.partybuilding.personaldata;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers: what counts as one, its canonical form, and how it is
 * shown masked.
 */
public final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private PhoneNumbers() {
	}

	/**
	 * The canonical 11-digit form of a mobile number as people type it (spaces, dashes, a
	 * {@code +86} or {@code 86} prefix allowed), or empty if it is not one.
	 */
	public static Optional<String> normalize(String input) {
		String digits = input.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.length() == 13 && digits.startsWith("86")) {
			digits = digits.substring(2);
		}
		return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
	}

	/** {@code 13800000000} shown as {@code 138****0000}. */
	public static String mask(String phone) {
		if (phone.length() < 7) {
			return "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
