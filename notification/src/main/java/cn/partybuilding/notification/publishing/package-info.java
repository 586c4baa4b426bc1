/**
 * Publishing notifications: the inbox entry and its deliveries, stored in the publisher's
 * transaction.
 */
@NullMarked
package cn.partybuilding.notification.publishing;

import org.jspecify.annotations.NullMarked;
