package cn.partybuilding.notification.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.inbox.Inbox;
import cn.partybuilding.notification.inbox.InboxEntry;
import cn.partybuilding.notification.text.RenderedText;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;

/**
 * {@code /me/notifications}: the caller's inbox, newest first, in the caller's language
 * (Chinese, or English with {@code Accept-Language: en}).
 */
@RestController
@RequestMapping("/api/v1")
class InboxController {

	private final Inbox inbox;

	private final Clock clock;

	InboxController(Inbox inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	@GetMapping("/me/notifications")
	Mono<Page<NotificationView>> list(Caller caller, PageRequest page, Locale locale) {
		UUID before = page.isFirst() ? null : UUID.fromString(page.after(0));
		return this.inbox.page(caller.id(), before, page.fetchSize())
			.map((entry) -> view(entry, locale))
			.collectList()
			.map((rows) -> page.page(rows, (row) -> List.of(row.id())));
	}

	@PostMapping("/me/notifications/{id}/read")
	Mono<NotificationView> read(@PathVariable UUID id, Caller caller, Locale locale) {
		return this.inbox.markRead(caller.id(), id)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.map((entry) -> view(entry, locale));
	}

	private NotificationView view(InboxEntry entry, Locale locale) {
		RenderedText text = entry.text(locale);
		return new NotificationView(entry.id().toString(), entry.kind(), text.title(), text.body(),
				at(entry.createdAt()), (entry.readAt() != null) ? at(entry.readAt()) : null);
	}

	private OffsetDateTime at(Instant instant) {
		return instant.atZone(this.clock.getZone()).toOffsetDateTime();
	}

	record NotificationView(String id, NotificationKind kind, String title, String body, OffsetDateTime createdAt,
			@Nullable OffsetDateTime readAt) {
	}

}
