/**
 * Delivery of notifications outside the app: the outbox rows, the workers that drain them
 * and the channel contract.
 */
@NullMarked
package cn.partybuilding.notification.delivery;

import org.jspecify.annotations.NullMarked;
