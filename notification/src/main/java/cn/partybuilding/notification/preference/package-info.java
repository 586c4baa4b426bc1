/** What each member wants to be told on which channel, and when not to be disturbed. */
@NullMarked
package cn.partybuilding.notification.preference;

import org.jspecify.annotations.NullMarked;
