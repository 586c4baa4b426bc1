package cn.partybuilding.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.member.Gender;
import cn.partybuilding.member.MemberCategory;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.org.OrgKind;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.org.OrgType;
import cn.partybuilding.security.Role;
import cn.partybuilding.system.PartySettings;

/**
 * Loads 示范区, an invented district: a committee, two communities, four grid branches with
 * ten members each, a secretary per branch and an org admin of the whole district. Every
 * id is derived from a name, so loading it again changes nothing. The logins are written
 * to {@code demo-logins.txt} in the data directory (not to the log: phone numbers never
 * go there). Phone numbers are invented (138 0000 xxxx) and all demo accounts share one
 * password.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("party.demo-data")
class DemoDistrict implements ApplicationRunner {

	static final String PASSWORD = "Demo#2026";

	private static final Logger logger = LoggerFactory.getLogger(DemoDistrict.class);

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };

	private static final String[] GIVEN = { "建国", "秀英", "志强", "丽华", "海燕", "文杰", "春梅", "国庆", "晓东", "玉兰", "红军", "桂芳",
			"明远", "淑珍", "卫东", "雪梅", "振华", "凤英", "立新", "慧敏" };

	private final OrgTree tree;

	private final Members members;

	private final Accounts accounts;

	private final Passwords passwords;

	private final PartySettings settings;

	private final Clock clock;

	DemoDistrict(OrgTree tree, Members members, Accounts accounts, Passwords passwords, PartySettings settings,
			Clock clock) {
		this.tree = tree;
		this.members = members;
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String hash = Objects.requireNonNull(this.passwords.hash(PASSWORD).block(Duration.ofSeconds(10)),
				"hashing answers a hash");
		List<Login> logins = Objects.requireNonNull(load(hash).collectList().block(Duration.ofMinutes(2)),
				"collectList() always answers");
		write(logins);
		logger.info("Demo district 示范区 is loaded: {} demo accounts; logins are in {}", logins.size(),
				this.settings.dataDir().resolve("demo-logins.txt"));
	}

	private Flux<Login> load(String hash) {
		UUID committee = id("org:committee");
		return this.tree.add(committee, null, "示范区委", OrgType.COMMITTEE, null)
			.thenMany(Flux.fromArray(new String[] { "和平", "光明" }).index().concatMap((community) -> {
				UUID communityId = id("org:community:" + community.getT1());
				return this.tree
					.add(communityId, committee, community.getT2() + "社区党委", OrgType.GENERAL_BRANCH, OrgKind.COMMUNITY)
					.thenMany(Flux.range(1, 2)
						.concatMap((grid) -> branch(communityId, community.getT2(),
								(int) (community.getT1() * 2 + grid), grid, hash)));
			}))
			.concatWith(orgAdmin(committee, hash));
	}

	private Flux<Login> branch(UUID community, String communityName, int number, int grid, String hash) {
		UUID branchId = id("org:branch:" + number);
		String name = communityName + "社区第" + ((grid == 1) ? "一" : "二") + "网格党支部";
		return this.tree.add(branchId, community, name, OrgType.BRANCH, OrgKind.GRID)
			.thenMany(Flux.range(0, 10).concatMap((i) -> {
				int n = (number - 1) * 10 + i + 1;
				Mono<Login> member = member(n, branchId, hash);
				if (i == 0) {
					return member.flatMap((login) -> this.accounts.grant(login.id(), Role.SECRETARY, branchId)
						.thenReturn(login.as("支部书记 " + name)));
				}
				return member;
			}));
	}

	private Mono<Login> orgAdmin(UUID committee, String hash) {
		return member(41, id("org:branch:1"), hash)
			.flatMap((login) -> this.accounts.grant(login.id(), Role.ORG_ADMIN, committee)
				.thenReturn(login.as("区委组织员 (ORG_ADMIN of 示范区委)")));
	}

	private Mono<Login> member(int n, UUID branchId, String hash) {
		UUID id = id("member:" + n);
		// Distinct for every n up to 49: members of one surname differ in their given
		// name.
		String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / 10 + 3 * n) % GIVEN.length];
		String phone = String.format("138%08d", n);
		NewMember member = new NewMember(id, branchId, name, phone, (n % 3 == 0) ? Gender.FEMALE : Gender.MALE,
				birthDate(n), joinedOn(n), (n % 9 == 4) ? null : joinedOn(n).plusYears(1), category(n), hash);
		return DemoOnce.create(() -> this.members.exists(id), () -> this.members.register(member))
			.thenReturn(new Login("党员", name, phone, id));
	}

	/** Born 1950 to 1999. */
	private static LocalDate birthDate(int n) {
		return LocalDate.of(1950 + (n * 37) % 50, 1 + (n * 5) % 12, 1 + (n * 11) % 28);
	}

	/**
	 * Joined at 20 to 40; members 5 and 15 joined on today's date (their political
	 * birthday is today), member 25 on a 29 February.
	 */
	private LocalDate joinedOn(int n) {
		LocalDate birth = birthDate(n);
		int year = birth.getYear() + 20 + (n * 13) % 21;
		if (n == 25) {
			return LocalDate.of(year - year % 4 + ((year % 100 == 0) ? 4 : 0), 2, 29);
		}
		if (n == 5 || n == 15) {
			MonthDay today = MonthDay.now(this.clock);
			return today.atYear(Math.min(year, LocalDate.now(this.clock).getYear() - 1));
		}
		return LocalDate.of(year, 1 + (n * 3) % 12, 1 + (n * 17) % 28);
	}

	private static MemberCategory category(int n) {
		return MemberCategory.values()[n % MemberCategory.values().length];
	}

	private void write(List<Login> logins) {
		List<String> lines = new ArrayList<>();
		lines.add("Demo logins (password for all: " + PASSWORD + "), POST /api/v1/auth/login {phone, password}");
		logins.stream()
			.filter((login) -> !login.role().equals("党员") || login.phone().endsWith("02"))
			.forEach((login) -> lines.add("  " + login.phone() + "  " + login.name() + "  " + login.role()));
		lines.add("  ... and members 13800000002 to 13800000040 of the four branches");
		Path file = this.settings.dataDir().resolve("demo-logins.txt");
		try {
			Files.createDirectories(this.settings.dataDir());
			Files.write(file, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static UUID id(String name) {
		return UUID.nameUUIDFromBytes(("party-demo:" + name).getBytes(StandardCharsets.UTF_8));
	}

	private record Login(String role, String name, String phone, UUID id) {

		Login as(String newRole) {
			return new Login(newRole, this.name, this.phone, this.id);
		}

	}

}
