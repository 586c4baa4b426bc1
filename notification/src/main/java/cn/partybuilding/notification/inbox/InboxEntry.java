package cn.partybuilding.notification.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.text.NotificationTexts;
import cn.partybuilding.notification.text.RenderedText;

/**
 * A notification in a member's inbox.
 *
 * @param id the notification
 * @param kind what it is about
 * @param params the texts' parameters
 * @param createdAt when it was published
 * @param readAt when the member read it; {@code null} while unread
 */
public record InboxEntry(UUID id, NotificationKind kind, Map<String, String> params, Instant createdAt,
		@Nullable Instant readAt) {

	/** The texts in the reader's language. */
	public RenderedText text(java.util.Locale locale) {
		return NotificationTexts.render(this.kind, this.params, locale);
	}

	@Override
	public String toString() {
		return "InboxEntry[" + this.id + ", " + this.kind + "]";
	}

}
