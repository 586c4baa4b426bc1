package cn.partybuilding.points;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.points.core.RuleChange;
import cn.partybuilding.points.core.RuleVersion;
import cn.partybuilding.points.core.RuleViolation;
import cn.partybuilding.points.rules.PointsRules;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Reading and changing the rule book. Rules are the same for the whole installation, so changing them is for
 * organization and system administrators; every member may read them.
 */
@Service
class RuleAdministration {

	private static final Comparator<RuleVersion> ORDER = Comparator.comparing(RuleVersion::code)
		.thenComparing(RuleVersion::effectiveFrom);

	private final PointsRules rules;

	RuleAdministration(PointsRules rules) {
		this.rules = rules;
	}

	Mono<Page<RuleView>> list(@Nullable LocalDate at, PageRequest page) {
		return this.rules.book().map((book) -> {
			List<RuleVersion> versions = (at != null) ? book.inForceOn(at) : book.versions();
			List<RuleVersion> after = versions.stream()
				.sorted(ORDER)
				.filter((v) -> page.isFirst() || v.code().compareTo(page.after(0)) > 0
						|| (v.code().equals(page.after(0)) && v.effectiveFrom().isAfter(LocalDate.parse(page.after(1)))))
				.limit(page.fetchSize())
				.toList();
			return page.page(after, (v) -> List.of(v.code(), v.effectiveFrom().toString())).map(RuleView::of);
		});
	}

	Mono<RuleView> add(Caller caller, RuleForm form) {
		requireAdministrator(caller);
		return this.rules.add(form.toVersion(Ids.newId().toString())).map(RuleAdministration::accepted);
	}

	Mono<RuleView> replace(Caller caller, String id, RuleForm form) {
		requireAdministrator(caller);
		return this.rules.book()
			.flatMap((book) -> Mono.justOrEmpty(book.version(id)))
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((existing) -> {
				if (!existing.code().equals(form.code())) {
					return Mono.error(DomainException.invalid(Violation.of("code", "pointsRule.codeChanged")));
				}
				return this.rules.replace(form.toVersion(id));
			})
			.map((change) -> change.map(RuleAdministration::accepted).orElseThrow(DomainException::notFound));
	}

	private static void requireAdministrator(Caller caller) {
		if (!caller.isSysAdmin() && !caller.has(Role.ORG_ADMIN)) {
			throw DomainException.forbidden();
		}
	}

	private static RuleView accepted(RuleChange change) {
		return switch (change) {
			case RuleChange.Accepted accepted -> RuleView.of(accepted.version());
			case RuleChange.Rejected rejected -> throw refusal(rejected.violations());
		};
	}

	/** Malformed fields first (400 with every field), then conflicts with other versions (409). */
	static DomainException refusal(List<RuleViolation> violations) {
		Violation[] invalid = violations.stream()
			.filter((v) -> v instanceof RuleViolation.InvalidField)
			.map((v) -> ((RuleViolation.InvalidField) v).field())
			.distinct()
			.map((field) -> Violation.of(field, "pointsRule." + field))
			.toArray(Violation[]::new);
		if (invalid.length > 0) {
			return DomainException.invalid(invalid);
		}
		boolean overlap = violations.stream().anyMatch(RuleViolation.OverlapsVersion.class::isInstance);
		return new DomainException(overlap ? ErrorCode.RULE_VERSIONS_OVERLAP : ErrorCode.RULE_CATEGORY_CHANGED);
	}

}
