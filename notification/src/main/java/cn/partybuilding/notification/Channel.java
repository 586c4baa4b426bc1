package cn.partybuilding.notification;

/**
 * Ways a notification leaves the inbox: the push gateway, a WeChat subscribe message, a
 * text message.
 */
public enum Channel {

	PUSH, WECHAT, SMS

}
