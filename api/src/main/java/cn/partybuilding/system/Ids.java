package cn.partybuilding.system;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Identifiers of new rows: UUID version 7, time-ordered, so "newest first" lists page by
 * id alone and inserts stay local in the indexes, yet nobody can guess another row's id.
 */
public final class Ids {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private Ids() {
	}

	public static UUID newId() {
		return GENERATOR.generate();
	}

	/** Parses an id from a path or a body; {@code null} when it is not an id at all. */
	public static @org.jspecify.annotations.Nullable UUID parse(String value) {
		if (value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
