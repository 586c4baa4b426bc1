package cn.partybuilding.notification.birthday;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.notification.MemberDirectory;
import cn.partybuilding.notification.MemberDirectory.Celebrant;
import cn.partybuilding.notification.MemberDirectory.Position;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.NotificationSettings;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;

/**
 * The day's political-birthday greetings: every active member whose political birthday is
 * the day gets exactly one {@code POLITICAL_BIRTHDAY} notification, delivered by the end
 * of that local day or not at all. Exactly one, however often and on however many
 * instances the run goes: a {@code (member, year)} fence row is inserted with
 * {@code ON CONFLICT DO NOTHING} in the same transaction as the greeting and its
 * deliveries, so a greeting exists if and only if its fence does. Runs walk the members
 * page by page from the birthday index.
 */
@Service
public class PoliticalBirthdays {

	private final MemberDirectory directory;

	private final Notifications notifications;

	private final GreetingRepository greetings;

	private final TransactionalOperator transactions;

	private final NotificationSettings.Birthdays settings;

	private final Clock clock;

	PoliticalBirthdays(MemberDirectory directory, Notifications notifications, GreetingRepository greetings,
			TransactionalOperator transactions, NotificationSettings settings, Clock clock) {
		this.directory = directory;
		this.notifications = notifications;
		this.greetings = greetings;
		this.transactions = transactions;
		this.settings = settings.birthdays();
		this.clock = clock;
	}

	/** Greets the day's members; one tally per page, as the run goes. */
	public Flux<Tally> greet(LocalDate day) {
		return page(day, null).expand((page) -> page.isFull() ? page(day, page.last()) : Mono.empty()).map(Page::tally);
	}

	/**
	 * The members of the org's subtree celebrating between two days, for the secretary.
	 */
	public Flux<Celebrant> between(UUID orgId, LocalDate from, LocalDate to, @Nullable Position after, int limit) {
		return this.directory.celebratingIn(orgId, from, to, after, limit);
	}

	private Mono<Page> page(LocalDate day, @Nullable Celebrant after) {
		int size = this.settings.pageSize();
		return this.directory.celebratingOn(day, after, size)
			.collectList()
			.flatMap((members) -> Flux.fromIterable(members)
				.filter((member) -> PoliticalBirthday.isCelebratedOn(member.joinedPartyOn(), day))
				.flatMap((member) -> greet(member, day), this.settings.concurrency())
				.filter(Boolean::booleanValue)
				.count()
				.map((created) -> new Page(members, size, new Tally(members.size(), created))));
	}

	/**
	 * The fence, the greeting and its deliveries, in one transaction; {@code false} when
	 * greeted before.
	 */
	Mono<Boolean> greet(Celebrant member, LocalDate day) {
		return this.greetings.fence(member.memberId(), day, this.clock.instant())
			.flatMap((fenced) -> this.notifications.publishNew(greeting(member, day)).thenReturn(true))
			.defaultIfEmpty(false)
			.as(this.transactions::transactional);
	}

	private NotificationRequest greeting(Celebrant member, LocalDate day) {
		int years = PoliticalBirthday.years(member.joinedPartyOn(), day);
		return new NotificationRequest(NotificationKind.POLITICAL_BIRTHDAY, member.memberId(),
				"political-birthday:" + day.getYear(), Map.of("name", member.name(), "years", Integer.toString(years)),
				PoliticalBirthday.deadline(day, this.clock.getZone()));
	}

	private record Page(List<Celebrant> members, int size, Tally tally) {

		boolean isFull() {
			return this.members.size() >= this.size;
		}

		Celebrant last() {
			return this.members.get(this.members.size() - 1);
		}

	}

}
