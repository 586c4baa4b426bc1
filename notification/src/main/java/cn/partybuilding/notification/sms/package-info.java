/**
 * Text messages through the SMS gateway, or into the log when no gateway is configured.
 */
@NullMarked
package cn.partybuilding.notification.sms;

import org.jspecify.annotations.NullMarked;
