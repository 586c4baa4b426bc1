package cn.partybuilding.notification;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a notification is about. Each kind has texts in Chinese and English rendered from
 * the parameters the publisher gives (see {@code text.NotificationTexts}); the parameters
 * each kind reads are listed here. Optional ones are marked with a question mark.
 */
public enum NotificationKind {

	/** The member's political birthday: {@code name}, {@code years}. */
	POLITICAL_BIRTHDAY,

	/**
	 * A secretary's weekly list: {@code from}, {@code to} (dates), {@code count},
	 * {@code names}.
	 */
	BIRTHDAY_DIGEST,

	/**
	 * An approved activity the member is invited to: {@code title}, {@code startsAt},
	 * {@code venue?}.
	 */
	ACTIVITY_INVITATION,

	/** An activity about to start: {@code title}, {@code startsAt}, {@code venue?}. */
	ACTIVITY_REMINDER,

	/**
	 * A reservation approved or rejected: {@code base}, {@code start}, {@code result}
	 * (APPROVED|REJECTED), {@code reason?}.
	 */
	RESERVATION_RESULT,

	/**
	 * A leave request approved or rejected: {@code title}, {@code result}
	 * (APPROVED|REJECTED), {@code reason?}.
	 */
	LEAVE_RESULT,

	/** Volunteer hours approved: {@code project}, {@code hours}. */
	VOLUNTEER_HOURS_APPROVED;

	/**
	 * The channels a member gets this kind on unless they chose otherwise: SMS only for
	 * political birthdays.
	 */
	public Set<Channel> defaultChannels() {
		return (this == POLITICAL_BIRTHDAY) ? EnumSet.allOf(Channel.class) : EnumSet.of(Channel.PUSH, Channel.WECHAT);
	}

}
