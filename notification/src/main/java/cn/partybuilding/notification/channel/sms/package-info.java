/** Text messages for notifications, within a daily allowance per member. */
@NullMarked
package cn.partybuilding.notification.channel.sms;

import org.jspecify.annotations.NullMarked;
