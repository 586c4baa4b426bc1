/**
 * Channel adapters behind the delivery contract: push gateway, WeChat subscribe messages,
 * SMS.
 */
@NullMarked
package cn.partybuilding.notification.channel;

import org.jspecify.annotations.NullMarked;
