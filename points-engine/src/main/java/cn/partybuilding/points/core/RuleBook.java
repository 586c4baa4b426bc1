package cn.partybuilding.points.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All versions of all points rules. Versions of one code never overlap in dates and keep
 * one category, so on any date at most one version of a code is in force.
 */
public final class RuleBook {

	private static final Comparator<RuleVersion> ORDER = Comparator.comparing(RuleVersion::code)
		.thenComparing(RuleVersion::effectiveFrom);

	private final List<RuleVersion> versions;

	private RuleBook(List<RuleVersion> versions) {
		this.versions = versions.stream().sorted(ORDER).toList();
	}

	/** A rule book without rules. */
	public static RuleBook empty() {
		return new RuleBook(List.of());
	}

	/**
	 * A rule book of versions already known to be consistent (loaded from storage, or
	 * default data).
	 * @throws IllegalArgumentException if ids repeat or any version would be rejected by
	 * {@link #put}
	 */
	public static RuleBook of(Collection<RuleVersion> versions) {
		RuleBook book = empty();
		for (RuleVersion version : versions) {
			if (book.version(version.id()).isPresent()) {
				throw new IllegalArgumentException("Rule version id " + version.id() + " appears twice");
			}
			book = switch (book.put(version)) {
				case RuleChange.Accepted accepted -> accepted.book();
				case RuleChange.Rejected rejected -> throw new IllegalArgumentException(
						"Rule version " + version.id() + " is inconsistent: " + rejected.violations());
			};
		}
		return book;
	}

	/** Every version, ordered by code and then by start date. */
	public List<RuleVersion> versions() {
		return this.versions;
	}

	/** The version with the given id. */
	public Optional<RuleVersion> version(String id) {
		return this.versions.stream().filter((v) -> v.id().equals(id)).findFirst();
	}

	/** The versions in force on a business date, one per code at most. */
	public List<RuleVersion> inForceOn(LocalDate date) {
		return this.versions.stream().filter((v) -> v.inForceOn(date)).toList();
	}

	/**
	 * The versions in force on {@code date} that score the event, one per code at most.
	 */
	public List<RuleVersion> applicableTo(PointsEvent event, LocalDate date) {
		return this.versions.stream().filter((v) -> v.inForceOn(date) && v.appliesTo(event)).toList();
	}

	/**
	 * Everything that keeps the candidate out of this book; empty when it may go in. A
	 * candidate with the id of an existing version is checked as that version's
	 * replacement.
	 */
	public List<RuleViolation> check(RuleVersion candidate) {
		List<RuleViolation> found = new ArrayList<>(RuleVersionChecks.of(candidate));
		for (RuleVersion other : this.versions) {
			if (other.id().equals(candidate.id()) || !other.code().equals(candidate.code())) {
				continue;
			}
			if (other.overlaps(candidate)) {
				found.add(new RuleViolation.OverlapsVersion(other.id(), other.effectiveFrom(), other.effectiveTo()));
			}
			if (other.category() != candidate.category()) {
				found.add(new RuleViolation.ChangesCategory(other.id(), other.category()));
			}
		}
		return found;
	}

	/**
	 * Adds the candidate, or replaces the version with its id, if it passes
	 * {@link #check}.
	 */
	public RuleChange put(RuleVersion candidate) {
		List<RuleViolation> violations = check(candidate);
		if (!violations.isEmpty()) {
			return new RuleChange.Rejected(candidate, violations);
		}
		List<RuleVersion> next = new ArrayList<>(this.versions);
		next.removeIf((v) -> v.id().equals(candidate.id()));
		next.add(candidate);
		return new RuleChange.Accepted(candidate, new RuleBook(next));
	}

	@Override
	public String toString() {
		return "RuleBook" + this.versions;
	}

}
