package cn.partybuilding.points.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.partybuilding.audit.AuditEntry;
import cn.partybuilding.audit.AuditLog;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.points.core.RuleChange;
import cn.partybuilding.points.core.RuleVersion;
import cn.partybuilding.points.core.RuleViolation;
import cn.partybuilding.points.rules.PointsRules;
import cn.partybuilding.security.Caller;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;
import cn.partybuilding.web.problem.Violation;

/**
 * Reading and changing the rule book. Rules are the same for the whole installation, so
 * changing them is for the system administrator and the org admins of a top-level
 * committee (not for an org admin of one branch, whose rule would count for everyone);
 * every member may read them. Every change is written to the audit log, with who, when
 * and what the version was before, in the transaction of the change.
 */
@Service
class Rules {

	static final String TARGET = "POINTS_RULE";

	private static final Comparator<RuleVersion> ORDER = Comparator.comparing(RuleVersion::code)
		.thenComparing(RuleVersion::effectiveFrom);

	private final PointsRules rules;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	Rules(PointsRules rules, AccessPolicy access, AuditLog audit, TransactionalOperator transactions) {
		this.rules = rules;
		this.access = access;
		this.audit = audit;
		this.transactions = transactions;
	}

	Mono<Page<RuleView>> list(@Nullable LocalDate at, PageRequest page) {
		return this.rules.book().map((book) -> {
			List<RuleVersion> versions = (at != null) ? book.inForceOn(at) : book.versions();
			List<RuleVersion> after = versions.stream()
				.sorted(ORDER)
				.filter((v) -> page.isFirst() || v.code().compareTo(page.after(0)) > 0
						|| (v.code().equals(page.after(0))
								&& v.effectiveFrom().isAfter(LocalDate.parse(page.after(1)))))
				.limit(page.fetchSize())
				.toList();
			return page.page(after, (v) -> List.of(v.code(), v.effectiveFrom().toString())).map(RuleView::of);
		});
	}

	Mono<RuleView> add(Caller caller, RuleForm form) {
		return this.access.requireDistrictAdministrator(caller)
			.then(Mono.defer(() -> this.rules.add(form.toVersion(Ids.newId().toString()))))
			.map(Rules::accepted)
			.flatMap((added) -> this.audit
				.record(new AuditEntry(caller.id(), "POINTS_RULE_ADDED", TARGET, added.id(), null,
						described(added, "")))
				.thenReturn(added))
			.as(this.transactions::transactional);
	}

	Mono<RuleView> replace(Caller caller, String id, RuleForm form) {
		return this.access.requireDistrictAdministrator(caller)
			.then(this.rules.book())
			.flatMap((book) -> Mono.justOrEmpty(book.version(id)))
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((existing) -> {
				if (!existing.code().equals(form.code())) {
					return Mono.error(DomainException.invalid(Violation.of("code", "pointsRule.codeChanged")));
				}
				return this.rules.replace(form.toVersion(id))
					.map((change) -> change.map(Rules::accepted).orElseThrow(DomainException::notFound))
					.flatMap((changed) -> {
						Map<String, String> details = new LinkedHashMap<>(described(RuleView.of(existing), "before."));
						details.putAll(described(changed, ""));
						return this.audit
							.record(new AuditEntry(caller.id(), "POINTS_RULE_CHANGED", TARGET, changed.id(), null,
									details))
							.thenReturn(changed);
					});
			})
			.as(this.transactions::transactional);
	}

	/**
	 * What the audit log keeps of a version: enough to tell what it awarded, from when,
	 * with which caps.
	 */
	private static Map<String, String> described(RuleView rule, String prefix) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put(prefix + "code", rule.code());
		details.put(prefix + "category", rule.category().name());
		details.put(prefix + "eventType", rule.eventType().name());
		details.put(prefix + "points", plain(rule.points()));
		details.put(prefix + "effectiveFrom", rule.effectiveFrom().toString());
		if (rule.effectiveTo() != null) {
			details.put(prefix + "effectiveTo", rule.effectiveTo().toString());
		}
		if (rule.capPerDay() != null) {
			details.put(prefix + "capPerDay", plain(rule.capPerDay()));
		}
		if (rule.capPerMonth() != null) {
			details.put(prefix + "capPerMonth", plain(rule.capPerMonth()));
		}
		if (rule.capPerYear() != null) {
			details.put(prefix + "capPerYear", plain(rule.capPerYear()));
		}
		return details;
	}

	private static String plain(java.math.BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

	private static RuleView accepted(RuleChange change) {
		return switch (change) {
			case RuleChange.Accepted accepted -> RuleView.of(accepted.version());
			case RuleChange.Rejected rejected -> throw refusal(rejected.violations());
		};
	}

	/**
	 * Malformed fields first (400 with every field), then conflicts with other versions
	 * (409).
	 */
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
