/**
 * WeChat subscribe messages through the WeChat API, or into the log without an app
 * configured.
 */
@NullMarked
package cn.partybuilding.notification.channel.wechat;

import org.jspecify.annotations.NullMarked;
