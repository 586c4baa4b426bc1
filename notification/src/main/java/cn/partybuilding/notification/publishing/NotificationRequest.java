package cn.partybuilding.notification.publishing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.NotificationKind;

/**
 * A notification to publish.
 *
 * @param kind what it is about; its parameters are listed on {@link NotificationKind}
 * @param memberId the recipient
 * @param sourceId the change it tells of, e.g. {@code reservation:<id>:approved}: the
 * dedupe key, so that publishing the same change again (a retried request, a re-run job)
 * stores nothing new
 * @param params the texts' parameters
 * @param deadline the moment after which it must not go out any more (it stays in the
 * inbox); {@code null} for none
 */
public record NotificationRequest(NotificationKind kind, UUID memberId, String sourceId, Map<String, String> params,
		@Nullable Instant deadline) {

	public NotificationRequest {
		if (sourceId.isBlank() || sourceId.length() > 200) {
			throw new IllegalArgumentException("sourceId must have 1 to 200 characters");
		}
		params = Map.copyOf(params);
	}

	public static NotificationRequest of(NotificationKind kind, UUID memberId, String sourceId,
			Map<String, String> params) {
		return new NotificationRequest(kind, memberId, sourceId, params, null);
	}

	@Override
	public String toString() {
		return "NotificationRequest[" + this.kind + ", " + this.memberId + ", " + this.sourceId + "]";
	}

}
