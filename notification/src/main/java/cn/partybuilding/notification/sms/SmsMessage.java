package cn.partybuilding.notification.sms;

import java.util.Map;

/**
 * One text message as the SMS gateway takes it.
 *
 * @param messageId stable across retries, so the gateway can drop duplicates
 * @param phone the recipient's mobile number
 * @param template the gateway template, e.g. {@code LOGIN_CODE}
 * @param params the template's parameters, e.g. {@code code}
 */
public record SmsMessage(String messageId, String phone, String template, Map<String, String> params) {

	/** The template of login codes; its {@code code} parameter is the code. */
	public static final String LOGIN_CODE = "LOGIN_CODE";

	@Override
	public String toString() {
		return "SmsMessage[" + this.messageId + ", " + this.template + "]";
	}

}
