package cn.partybuilding.web;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.web.problem.InputRejected;

/**
 * The one character no text a client sends may hold: NUL (U+0000). PostgreSQL cannot
 * store it in text or jsonb and fails the whole statement; every other character, control
 * characters and unpaired surrogates included, is stored as sent (or replaced) and shown
 * back.
 */
public final class InputText {

	/** The message key of text with a NUL character. */
	public static final String MESSAGE_KEY = "nul";

	private InputText() {
	}

	public static boolean isStorable(@Nullable String text) {
		return text == null || text.indexOf('\u0000') < 0;
	}

	/** The text itself if it can be stored; {@link InputRejected} otherwise. */
	public static @Nullable String check(@Nullable String text) {
		if (!isStorable(text)) {
			throw new InputRejected(MESSAGE_KEY);
		}
		return text;
	}

}
