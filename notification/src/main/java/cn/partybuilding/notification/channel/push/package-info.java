/** Push messages through the HTTP push gateway, or into the log without one. */
@NullMarked
package cn.partybuilding.notification.channel.push;

import org.jspecify.annotations.NullMarked;
