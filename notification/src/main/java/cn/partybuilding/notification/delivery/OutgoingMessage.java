package cn.partybuilding.notification.delivery;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.NotificationKind;

/**
 * One message for one channel target. Holds personal data (texts, parameters, token):
 * never log it whole.
 *
 * @param messageId stable across retries, so the gateway can drop duplicates
 * @param notificationId the inbox notification
 * @param memberId the recipient
 * @param kind what it is about
 * @param target the push token, for push messages
 * @param platform the device platform, for push messages
 * @param title the rendered title
 * @param body the rendered body
 * @param params the notification's parameters (SMS templates take them)
 */
public record OutgoingMessage(String messageId, UUID notificationId, UUID memberId, NotificationKind kind,
		@Nullable String target, @Nullable String platform, String title, String body, Map<String, String> params) {

	@Override
	public String toString() {
		return "OutgoingMessage[" + this.messageId + ", " + this.kind + "]";
	}

}
