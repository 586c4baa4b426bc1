package cn.partybuilding.notification;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the notifier needs to know about members, implemented by the application that owns
 * them. Only active members (probationary or full) celebrate political birthdays: those
 * who left or transferred out are never listed. A political birthday falls on the
 * anniversary of joining; members who joined on 29 February celebrate on 28 February in
 * common years ({@code birthday.PoliticalBirthday} has the rule).
 */
public interface MemberDirectory {

	/**
	 * Members whose political birthday is {@code day}, in a stable order, the
	 * {@code limit} after {@code after} (a celebrant of the previous page; {@code null}
	 * for the first page). Read from an index, never a scan.
	 */
	Flux<Celebrant> celebratingOn(LocalDate day, @Nullable Celebrant after, int limit);

	/**
	 * Members of the subtree of {@code orgId} whose political birthday falls between
	 * {@code from} and {@code to} (inclusive, at most a year apart), ordered by day and
	 * member, the {@code limit} after {@code after}.
	 */
	Flux<Celebrant> celebratingIn(UUID orgId, LocalDate from, LocalDate to, @Nullable Position after, int limit);

	/**
	 * Every member whose political birthday falls between {@code from} and {@code to},
	 * grouped by branch.
	 */
	Flux<Celebrant> celebratingByBranch(LocalDate from, LocalDate to);

	/** The secretaries of a branch (granted the role on the branch itself). */
	Flux<UUID> secretariesOf(UUID branchId);

	/** How to reach a member outside the app; empty when there is no such member. */
	Mono<Contact> contact(UUID memberId);

	/**
	 * A member whose political birthday falls on {@code day}.
	 *
	 * @param name the member's name
	 * @param branchId the member's branch
	 * @param joinedPartyOn the date of joining the party
	 * @param day the day the political birthday is celebrated
	 */
	record Celebrant(UUID memberId, String name, UUID branchId, LocalDate joinedPartyOn, LocalDate day) {

		/** Years in the party on {@code day}. */
		public int partyYears() {
			return this.day.getYear() - this.joinedPartyOn.getYear();
		}

	}

	/**
	 * Where a list ordered by day and member continues.
	 *
	 * @param day the day of the last celebrant listed
	 * @param memberId the last celebrant listed
	 */
	record Position(LocalDate day, UUID memberId) {
	}

	/**
	 * A member's contact details, personal data that must never be logged.
	 *
	 * @param phone the mobile number in clear; {@code null} when unknown
	 * @param wechatOpenid the mini program openid; {@code null} when the member never
	 * bound WeChat
	 */
	record Contact(UUID memberId, @Nullable String phone, @Nullable String wechatOpenid) {

		@Override
		public String toString() {
			return "Contact[" + this.memberId + "]";
		}

	}

}
