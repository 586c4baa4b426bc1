package cn.partybuilding.notification.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.notification.MemberDirectory.Celebrant;
import cn.partybuilding.notification.MemberDirectory.Position;
import cn.partybuilding.notification.birthday.PoliticalBirthdays;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.Violation;

/**
 * {@code /orgs/{id}/political-birthdays}: the members of the unit's subtree whose
 * political birthday falls in a range (at most a year), by day, for the secretary's small
 * ceremonies. Secretaries and org admins whose role covers the unit.
 */
@RestController
@RequestMapping("/api/v1")
class PoliticalBirthdayController {

	static final long MAX_DAYS = 366;

	private final PoliticalBirthdays birthdays;

	private final AccessPolicy access;

	PoliticalBirthdayController(PoliticalBirthdays birthdays, AccessPolicy access) {
		this.birthdays = birthdays;
		this.access = access;
	}

	@GetMapping("/orgs/{id}/political-birthdays")
	Mono<Page<BirthdayView>> list(@PathVariable UUID id, @RequestParam LocalDate from, @RequestParam LocalDate to,
			Caller caller, PageRequest page) {
		if (to.isBefore(from)) {
			return Mono.error(DomainException.invalid(Violation.of("to", "notBeforeFrom")));
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			return Mono.error(DomainException.invalid(Violation.of("to", "dateRange", MAX_DAYS)));
		}
		Position after = page.isFirst() ? null
				: new Position(LocalDate.parse(page.after(0)), UUID.fromString(page.after(1)));
		return this.access.require(caller, id, Role.SECRETARY, Role.ORG_ADMIN)
			.flatMap((unit) -> this.birthdays.between(unit.id(), from, to, after, page.fetchSize())
				.map(BirthdayView::of)
				.collectList())
			.map((rows) -> page.page(rows, (row) -> List.of(row.politicalBirthday().toString(), row.memberId())));
	}

	record BirthdayView(String memberId, String name, String branchId, LocalDate joinedPartyOn,
			LocalDate politicalBirthday, int partyYears) {

		static BirthdayView of(Celebrant celebrant) {
			return new BirthdayView(celebrant.memberId().toString(), celebrant.name(), celebrant.branchId().toString(),
					celebrant.joinedPartyOn(), celebrant.day(), celebrant.partyYears());
		}

	}

}
