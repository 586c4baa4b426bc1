package cn.partybuilding.notification;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids of new rows of the notifier: UUID version 7, time-ordered, as the application's ids
 * are.
 */
public final class TimeOrderedIds {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private TimeOrderedIds() {
	}

	public static UUID next() {
		return GENERATOR.generate();
	}

}
