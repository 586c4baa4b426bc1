/**
 * Political birthdays (政治生日): the day's greetings, exactly one per member and year, and
 * the secretaries' weekly digest.
 */
@NullMarked
package cn.partybuilding.notification.birthday;

import org.jspecify.annotations.NullMarked;
