package cn.partybuilding.web.problem;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a request, shown in a problem's {@code errors[]}.
 *
 * @param field the offending field ({@code body} for the body as a whole)
 * @param messageKey key under {@code violation.} in the message bundles
 * @param args arguments of the message
 * @param line the line of an uploaded file, when the request is one
 */
public record Violation(String field, String messageKey, Object[] args, @Nullable Integer line) {

	public static Violation of(String field, String messageKey, Object... args) {
		return new Violation(field, messageKey, args, null);
	}

	public static Violation atLine(int line, String field, String messageKey, Object... args) {
		return new Violation(field, messageKey, args, line);
	}

}
