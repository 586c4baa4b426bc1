package cn.partybuilding.member;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.notification.MemberDirectory;
import cn.partybuilding.notification.birthday.PoliticalBirthday;
import cn.partybuilding.personaldata.PersonalDataCipher;

/**
 * The members as the notifier sees them: political birthdays read from the month-day
 * index ({@code members_political_birthday}, active members only), contacts decrypted for
 * the moment of sending, and the secretaries of each branch.
 */
@Component
class NotificationDirectory implements MemberDirectory {

	/** The indexed expression, exactly as in the index, so the planner uses it. */
	private static final String MONTH_DAY = "((extract(month from m.joined_party_on) * 100 "
			+ "+ extract(day from m.joined_party_on))::int)";

	private static final String ACTIVE = "m.status IN ('PROBATIONARY', 'FULL')";

	private static final UUID NONE = new UUID(0, 0);

	private final DatabaseClient db;

	private final PersonalDataCipher cipher;

	private final Accounts accounts;

	NotificationDirectory(DatabaseClient db, PersonalDataCipher cipher, Accounts accounts) {
		this.db = db;
		this.cipher = cipher;
		this.accounts = accounts;
	}

	@Override
	public Flux<Celebrant> celebratingOn(LocalDate day, @Nullable Celebrant after, int limit) {
		Integer[] codes = PoliticalBirthday.joinDaysCelebratedOn(day)
			.stream()
			.map(PoliticalBirthday::code)
			.toArray(Integer[]::new);
		return this.db
			.sql("SELECT m.id, m.name, m.branch_id, m.joined_party_on FROM members m WHERE " + MONTH_DAY
					+ " = ANY(CAST(:codes AS int[])) AND " + ACTIVE + " AND (" + MONTH_DAY
					+ ", m.id) > (:afterCode, :afterId) " + "ORDER BY " + MONTH_DAY + ", m.id LIMIT :limit")
			.bind("codes", codes)
			.bind("afterCode", (after != null) ? PoliticalBirthday.code(MonthDay.from(after.joinedPartyOn())) : 0)
			.bind("afterId", (after != null) ? after.memberId() : NONE)
			.bind("limit", limit)
			.map((row) -> celebrant(row, day))
			.all();
	}

	@Override
	public Flux<Celebrant> celebratingIn(UUID orgId, LocalDate from, LocalDate to, @Nullable Position after,
			int limit) {
		Days days = Days.between(from, to);
		return this.db.sql("SELECT m.id, m.name, m.branch_id, m.joined_party_on, d.day " + fromDays()
				+ "JOIN orgs o ON o.id = m.branch_id "
				+ "WHERE o.path @> ARRAY[CAST(:org AS uuid)] AND (d.day, m.id) > (CAST(:afterDay AS date), :afterId) "
				+ "ORDER BY d.day, m.id LIMIT :limit")
			.bind("codes", days.codes())
			.bind("days", days.days())
			.bind("org", orgId)
			.bind("afterDay", (after != null) ? after.day().toString() : LocalDate.MIN.withYear(1).toString())
			.bind("afterId", (after != null) ? after.memberId() : NONE)
			.bind("limit", limit)
			.map((row) -> celebrant(row, row.get("day", LocalDate.class)))
			.all();
	}

	@Override
	public Flux<Celebrant> celebratingByBranch(LocalDate from, LocalDate to) {
		Days days = Days.between(from, to);
		return this.db
			.sql("SELECT m.id, m.name, m.branch_id, m.joined_party_on, d.day " + fromDays()
					+ "ORDER BY m.branch_id, d.day, m.id")
			.bind("codes", days.codes())
			.bind("days", days.days())
			.map((row) -> celebrant(row, row.get("day", LocalDate.class)))
			.all();
	}

	@Override
	public Flux<UUID> secretariesOf(UUID branchId) {
		return this.db
			.sql("SELECT account_id FROM role_grants WHERE role = 'SECRETARY' AND scope_id = :branch "
					+ "ORDER BY account_id")
			.bind("branch", branchId)
			.map((row) -> row.get("account_id", UUID.class))
			.all();
	}

	@Override
	public Mono<Contact> contact(UUID memberId) {
		return this.db
			.sql("SELECT a.phone_cipher, a.openid_cipher FROM members m JOIN accounts a ON a.id = m.id "
					+ "WHERE m.id = :id")
			.bind("id", memberId)
			.map((row) -> {
				byte[] phone = row.get("phone_cipher", byte[].class);
				byte[] openid = row.get("openid_cipher", byte[].class);
				return new Contact(memberId, (phone != null) ? this.cipher.decrypt(phone, memberId) : null,
						(openid != null) ? this.accounts.openid(openid, memberId) : null);
			})
			.one();
	}

	/**
	 * Every (month-day code, day) of the range joined to the active members celebrating
	 * then.
	 */
	private static String fromDays() {
		return "FROM unnest(CAST(:codes AS int[]), CAST(:days AS date[])) AS d(code, day) " + "JOIN members m ON "
				+ MONTH_DAY + " = d.code AND " + ACTIVE + " AND m.joined_party_on < d.day ";
	}

	private static Celebrant celebrant(Readable row, LocalDate day) {
		return new Celebrant(row.get("id", UUID.class), row.get("name", String.class), row.get("branch_id", UUID.class),
				row.get("joined_party_on", LocalDate.class), day);
	}

	/** The month-day codes celebrated on each day of a range, as two parallel arrays. */
	private record Days(Integer[] codes, String[] days) {

		static Days between(LocalDate from, LocalDate to) {
			List<Integer> codes = new ArrayList<>();
			List<String> days = new ArrayList<>();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				for (MonthDay joined : PoliticalBirthday.joinDaysCelebratedOn(day)) {
					codes.add(PoliticalBirthday.code(joined));
					days.add(day.toString());
				}
			}
			return new Days(codes.toArray(Integer[]::new), days.toArray(String[]::new));
		}

	}

}
