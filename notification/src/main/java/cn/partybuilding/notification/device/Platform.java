package cn.partybuilding.notification.device;

/** What kind of device a push token belongs to; the push gateway routes by it. */
public enum Platform {

	IOS, ANDROID, HARMONY, WECHAT

}
