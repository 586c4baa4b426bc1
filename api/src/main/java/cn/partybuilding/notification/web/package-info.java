/**
 * The notifier's HTTP edge and jobs: devices, inbox, preferences, WeChat consents and
 * political birthdays for the apps, and the {@code political-birthdays} and
 * {@code birthday-digest} daily jobs, all calling the notification module's services.
 */
@NullMarked
package cn.partybuilding.notification.web;

import org.jspecify.annotations.NullMarked;
