package cn.partybuilding.web.fuzz;

import java.util.List;
import java.util.Map;

/**
 * Writes request bodies as JSON. A {@link Raw} value is written as it is, so a body can
 * carry what a JSON library would never produce: numbers beyond any Java type
 * ({@code 1e999}), a lone surrogate escape, a truncated document.
 */
final class Json {

	private Json() {
	}

	/** A JSON fragment written verbatim. */
	record Raw(String json) {

		@Override
		public String toString() {
			return Samples.abbreviate(this.json);
		}

	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		switch (value) {
			case null -> out.append("null");
			case Raw raw -> out.append(raw.json());
			case String text -> writeString(text, out);
			case Number number -> out.append(number);
			case Boolean bool -> out.append(bool);
			case Map<?, ?> map -> {
				out.append('{');
				boolean first = true;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					if (!first) {
						out.append(',');
					}
					first = false;
					writeString(String.valueOf(entry.getKey()), out);
					out.append(':');
					write(entry.getValue(), out);
				}
				out.append('}');
			}
			case List<?> list -> {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					write(list.get(i), out);
				}
				out.append(']');
			}
			default -> writeString(value.toString(), out);
		}
	}

	private static void writeString(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
