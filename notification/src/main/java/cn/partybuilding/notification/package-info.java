/**
 * The notifier: inbox, devices, preferences, daily jobs and delivery through push, WeChat
 * and SMS.
 */
@NullMarked
package cn.partybuilding.notification;

import org.jspecify.annotations.NullMarked;
