/** The member's inbox: notifications newest first, read or unread. */
@NullMarked
package cn.partybuilding.notification.inbox;

import org.jspecify.annotations.NullMarked;
