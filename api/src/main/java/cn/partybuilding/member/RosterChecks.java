package cn.partybuilding.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.partybuilding.member.RosterFile.ImportRow;
import cn.partybuilding.personaldata.PhoneNumbers;
import cn.partybuilding.system.Ids;
import cn.partybuilding.web.InputBounds;
import cn.partybuilding.web.InputText;
import cn.partybuilding.web.problem.Violation;

/**
 * Checks every line of a roster file and reports every mistake, not only the first:
 * malformed values, dates that break the rules, branches outside the importing unit,
 * phone numbers that appear twice in the file or are taken already. Accepts what people
 * type in a Chinese spreadsheet: 男/女, 在职/离退休/流动/无职, 2001/7/1.
 */
final class RosterChecks {

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");

	private static final Map<String, Gender> GENDERS = Map.of("MALE", Gender.MALE, "FEMALE", Gender.FEMALE, "男",
			Gender.MALE, "女", Gender.FEMALE);

	private static final Map<String, MemberCategory> CATEGORIES = Map.of("IN_SERVICE", MemberCategory.IN_SERVICE,
			"RETIRED", MemberCategory.RETIRED, "MOBILE", MemberCategory.MOBILE, "NO_POST", MemberCategory.NO_POST, "在职",
			MemberCategory.IN_SERVICE, "离退休", MemberCategory.RETIRED, "流动", MemberCategory.MOBILE, "无职",
			MemberCategory.NO_POST);

	private RosterChecks() {
	}

	/**
	 * The canonical phone numbers of the rows that have a valid one, to look up which are
	 * taken.
	 */
	static List<String> phones(List<ImportRow> rows) {
		return rows.stream().map((row) -> PhoneNumbers.normalize(row.phone())).flatMap(Optional::stream).toList();
	}

	/**
	 * The lines {@link #check} reports as taken for the given phone numbers: the first
	 * line of each, the lines that repeat it being reported as repeats.
	 */
	static List<Integer> takenLines(List<ImportRow> rows, Set<String> phones) {
		List<Integer> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ImportRow row : rows) {
			String phone = PhoneNumbers.normalize(row.phone()).orElse(null);
			if (phone != null && seen.add(phone) && phones.contains(phone)) {
				lines.add(row.line());
			}
		}
		return lines;
	}

	static Outcome check(List<ImportRow> rows, Set<UUID> branches, Set<String> takenPhones, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		List<NewMember> members = new ArrayList<>(rows.size());
		Map<String, Integer> firstLineOfPhone = new HashMap<>();
		for (ImportRow row : rows) {
			List<Violation> found = new ArrayList<>();
			if (row.cells() != RosterFile.HEADER.size()) {
				found.add(Violation.atLine(row.line(), "line", "cells", RosterFile.HEADER.size()));
			}
			if (row.name().isEmpty() || row.name().length() > 50) {
				found.add(Violation.atLine(row.line(), "name", "required"));
			}
			else if (!InputText.isStorable(row.name())) {
				found.add(Violation.atLine(row.line(), "name", InputText.MESSAGE_KEY));
			}
			String phone = PhoneNumbers.normalize(row.phone()).orElse(null);
			if (phone == null) {
				found.add(Violation.atLine(row.line(), "phone", "phone"));
			}
			else if (firstLineOfPhone.containsKey(phone)) {
				found.add(Violation.atLine(row.line(), "phone", "phoneTwiceInFile", firstLineOfPhone.get(phone)));
			}
			else {
				firstLineOfPhone.put(phone, row.line());
				if (takenPhones.contains(phone)) {
					found.add(Violation.atLine(row.line(), "phone", "phoneTaken"));
				}
			}
			Gender gender = GENDERS.get(row.gender().toUpperCase(Locale.ROOT));
			if (gender == null) {
				found.add(Violation.atLine(row.line(), "gender", "enum", "MALE, FEMALE, 男, 女"));
			}
			LocalDate birth = date(row, "birthDate", row.birthDate(), found);
			LocalDate joined = date(row, "joinedPartyOn", row.joinedPartyOn(), found);
			if (birth != null && joined != null) {
				MemberChecks.dates(birth, joined, null, today)
					.forEach((violation) -> found.add(
							Violation.atLine(row.line(), violation.field(), violation.messageKey(), violation.args())));
			}
			MemberCategory category = CATEGORIES.get(row.category().toUpperCase(Locale.ROOT));
			if (category == null) {
				found.add(Violation.atLine(row.line(), "category", "enum",
						"IN_SERVICE, RETIRED, MOBILE, NO_POST, 在职, 离退休, 流动, 无职"));
			}
			UUID branch = Ids.parse(row.branchId());
			if (branch == null || !branches.contains(branch)) {
				found.add(Violation.atLine(row.line(), "branchId", "branchInOrg"));
			}
			// The null checks only repeat what an empty list of violations means.
			if (found.isEmpty() && branch != null && phone != null && gender != null && birth != null && joined != null
					&& category != null) {
				// The file has no date of full membership: the usual year of probation is
				// assumed.
				LocalDate fullOn = joined.plusYears(1).isAfter(today) ? null : joined.plusYears(1);
				members.add(new NewMember(Ids.newId(), branch, row.name(), phone, gender, birth, joined, fullOn,
						category, null));
			}
			violations.addAll(found);
		}
		return new Outcome(members, violations);
	}

	/**
	 * The cell's date, if it is one within {@link InputBounds}; a violation of the line
	 * otherwise.
	 */
	private static @Nullable LocalDate date(ImportRow row, String field, String text, List<Violation> found) {
		LocalDate date = date(text);
		if (date == null) {
			found.add(Violation.atLine(row.line(), field, "date"));
			return null;
		}
		if (!InputBounds.contains(date)) {
			found.add(Violation.atLine(row.line(), field, InputBounds.MESSAGE_KEY, InputBounds.FIRST_DATE.toString(),
					InputBounds.LAST_DATE.toString()));
			return null;
		}
		return date;
	}

	private static @Nullable LocalDate date(String text) {
		for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next way of writing dates
			}
		}
		return null;
	}

	/**
	 * What checking found.
	 *
	 * @param members the members to register, when there are no violations
	 * @param violations every mistake, by line
	 */
	record Outcome(List<NewMember> members, List<Violation> violations) {
	}

}
