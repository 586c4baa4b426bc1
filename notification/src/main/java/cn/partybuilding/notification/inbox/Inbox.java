package cn.partybuilding.notification.inbox;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A member's notifications, newest first (ids are time-ordered), and marking them read.
 */
@Service
public class Inbox {

	private final InboxRepository inbox;

	private final Clock clock;

	Inbox(InboxRepository inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	/**
	 * Up to {@code limit} notifications of the member older than {@code before} (all when
	 * {@code null}).
	 */
	public Flux<InboxEntry> page(UUID memberId, @Nullable UUID before, int limit) {
		return this.inbox.page(memberId, before, limit);
	}

	public Mono<InboxEntry> find(UUID memberId, UUID id) {
		return this.inbox.find(memberId, id);
	}

	/**
	 * Marks the notification read (the first time counts); empty when the member has no
	 * such notification.
	 */
	public Mono<InboxEntry> markRead(UUID memberId, UUID id) {
		return this.inbox.markRead(memberId, id, this.clock.instant());
	}

}
