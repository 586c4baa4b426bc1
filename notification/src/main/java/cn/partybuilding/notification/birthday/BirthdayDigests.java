package cn.partybuilding.notification.birthday;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.notification.MemberDirectory;
import cn.partybuilding.notification.MemberDirectory.Celebrant;
import cn.partybuilding.notification.NotificationKind;
import cn.partybuilding.notification.publishing.NotificationRequest;
import cn.partybuilding.notification.publishing.Notifications;

/**
 * The secretaries' weekly list: for the seven days from {@code weekStart} (the Monday,
 * when run by the scheduler), each branch with political birthdays in them sends its
 * secretaries one {@code BIRTHDAY_DIGEST}, once per branch, secretary and week however
 * often it runs.
 */
@Service
public class BirthdayDigests {

	/**
	 * Names listed in the text; the app shows the full list through the
	 * political-birthdays endpoint.
	 */
	static final int NAMES_LISTED = 20;

	private final MemberDirectory directory;

	private final Notifications notifications;

	BirthdayDigests(MemberDirectory directory, Notifications notifications) {
		this.directory = directory;
		this.notifications = notifications;
	}

	/**
	 * Sends the week's digests; one tally per branch (processed: branches, created:
	 * digests).
	 */
	public Flux<Tally> send(LocalDate weekStart) {
		LocalDate weekEnd = weekStart.plusDays(6);
		return this.directory.celebratingByBranch(weekStart, weekEnd)
			.bufferUntilChanged(Celebrant::branchId)
			.concatMap((branch) -> send(branch, weekStart, weekEnd));
	}

	private Mono<Tally> send(List<Celebrant> branch, LocalDate weekStart, LocalDate weekEnd) {
		UUID branchId = branch.get(0).branchId();
		Map<String, String> params = Map.of("from", weekStart.toString(), "to", weekEnd.toString(), "count",
				Integer.toString(branch.size()), "names", names(branch));
		return this.directory.secretariesOf(branchId)
			.concatMap((secretary) -> this.notifications
				.publishNew(new NotificationRequest(NotificationKind.BIRTHDAY_DIGEST, secretary,
						"birthday-digest:" + branchId + ":" + weekStart, params, null)))
			.count()
			.map((created) -> new Tally(1, created));
	}

	static String names(List<Celebrant> branch) {
		String listed = branch.stream()
			.limit(NAMES_LISTED)
			.map((member) -> member.name() + "（" + member.day().getMonthValue() + "月" + member.day().getDayOfMonth()
					+ "日，" + member.partyYears() + "周年）")
			.collect(Collectors.joining("、"));
		return (branch.size() > NAMES_LISTED) ? listed + "等" : listed;
	}

}
