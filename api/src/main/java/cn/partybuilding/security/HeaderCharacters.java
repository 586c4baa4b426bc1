package cn.partybuilding.security;

import org.jspecify.annotations.Nullable;

/**
 * The characters Spring Security's {@code StrictServerWebExchangeFirewall} allows in
 * header names and values, checked with a loop instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, a tab allowed in values). The firewall
 * checks every header a request's handling reads, the long bearer token too, so this runs
 * several times on every request. Same verdicts: {@code HeaderCharactersTests} compares
 * the two on generated strings.
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/** Assigned characters and no control characters (or no name: nothing to check). */
	static boolean allowedName(@Nullable String name) {
		return allowed(name, false);
	}

	/**
	 * Assigned characters and no control characters but the tab (or no value: nothing to
	 * check).
	 */
	static boolean allowedValue(@Nullable String value) {
		return allowed(value, true);
	}

	private static boolean allowed(@Nullable String text, boolean tab) {
		if (text == null) {
			// The firewall asks about a header the request does not have, too.
			return true;
		}
		int i = 0;
		int length = text.length();
		while (i < length) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
