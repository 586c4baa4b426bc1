/** One-time WeChat subscribe-message consents the mini program collected. */
@NullMarked
package cn.partybuilding.notification.consent;

import org.jspecify.annotations.NullMarked;
