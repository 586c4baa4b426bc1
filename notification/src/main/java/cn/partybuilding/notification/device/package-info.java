/** Devices members registered for push messages. */
@NullMarked
package cn.partybuilding.notification.device;

import org.jspecify.annotations.NullMarked;
