package cn.partybuilding.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
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
import cn.partybuilding.base.Base;
import cn.partybuilding.base.BaseType;
import cn.partybuilding.base.Bases;
import cn.partybuilding.base.MenuItem;
import cn.partybuilding.base.OpeningPeriod;
import cn.partybuilding.member.Gender;
import cn.partybuilding.member.MemberCategory;
import cn.partybuilding.member.Members;
import cn.partybuilding.member.NewMember;
import cn.partybuilding.reservation.Bookings;
import cn.partybuilding.reservation.Channel;
import cn.partybuilding.reservation.NewReservation;
import cn.partybuilding.reservation.Reservation;
import cn.partybuilding.reservation.ReservationLifecycle;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.system.PartySettings;

/**
 * Adds bases of the four types to the demo district, with menus, a base admin (member 42,
 * 13800000042, admin of all four) and some bookings of the coming week: pending, approved
 * and cancelled. Runs after {@link DemoDistrict}; every id is derived from a name, so
 * loading it again changes nothing (bookings made on an earlier day stay as they were).
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("party.demo-data")
class DemoBases implements ApplicationRunner {

	static final String ADMIN_PHONE = "13800000042";

	private static final Logger logger = LoggerFactory.getLogger(DemoBases.class);

	private static final UUID ADMIN = DemoDistrict.id("member:42");

	private final Bases bases;

	private final Bookings bookings;

	private final ReservationLifecycle lifecycle;

	private final Members members;

	private final Accounts accounts;

	private final Passwords passwords;

	private final PartySettings settings;

	private final Clock clock;

	DemoBases(Bases bases, Bookings bookings, ReservationLifecycle lifecycle, Members members, Accounts accounts,
			Passwords passwords, PartySettings settings, Clock clock) {
		this.bases = bases;
		this.bookings = bookings;
		this.lifecycle = lifecycle;
		this.members = members;
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
		this.clock = clock;
	}

	/** Blocks: it runs once on start, before the server takes requests. */
	@Override
	public void run(ApplicationArguments args) {
		List<Base> demoBases = demoBases();
		String hash = Objects.requireNonNull(this.passwords.hash(DemoDistrict.PASSWORD).block(Duration.ofSeconds(10)),
				"hashing answers a hash");
		baseAdmin(hash, demoBases).then(bookings(demoBases)).block(Duration.ofMinutes(1));
		appendLogin();
		logger.info("Demo bases are loaded: {} bases of the four types, member 42 administers them", demoBases.size());
	}

	private Mono<Void> baseAdmin(String hash, List<Base> demoBases) {
		NewMember admin = new NewMember(ADMIN, DemoDistrict.id("org:branch:1"), "钱守基", ADMIN_PHONE, Gender.MALE,
				LocalDate.of(1975, 4, 12), LocalDate.of(2001, 7, 1), LocalDate.of(2002, 7, 1),
				MemberCategory.IN_SERVICE, hash);
		return DemoOnce.create(() -> this.members.exists(ADMIN), () -> this.members.register(admin))
			.thenMany(Flux.fromIterable(demoBases))
			.concatMap((base) -> this.bases.register(base).then(this.accounts.grant(ADMIN, Role.BASE_ADMIN, base.id())))
			.then();
	}

	/**
	 * A week ahead, on a day the bases are open: 和平 branch 1 books the memorial hall, 和平
	 * branch 2 joins the same morning and books the service centre in the afternoon, the
	 * tech hall approves a hotline booking of 光明 branch 3, and 光明 branch 4 cancels at the
	 * station.
	 */
	private Mono<Void> bookings(List<Base> demoBases) {
		LocalDate day = LocalDate.now(this.clock).plusDays(7);
		if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
			day = day.plusDays(1);
		}
		Base center = demoBases.get(0);
		Base memorial = demoBases.get(1);
		Base station = demoBases.get(2);
		Base tech = demoBases.get(3);
		Caller admin = new Caller(ADMIN, DemoDistrict.id("org:branch:1"),
				demoBases.stream().map((base) -> new RoleGrant(Role.BASE_ADMIN, base.id())).toList(), null);
		return Flux.concat(
				book(1, memorial, day, "09:00", 1, 28, Channel.APP,
						List.of(memorial.menu().get(0), memorial.menu().get(1)), secretary(1)),
				book(2, memorial, day, "10:00", 2, 15, Channel.WECHAT, List.of(memorial.menu().get(1)), secretary(2)),
				book(3, tech, day, "14:00", 3, 20, Channel.HOTLINE, List.of(tech.menu().get(0)), admin)
					.flatMap((id) -> this.lifecycle.approve(admin, id)),
				book(4, station, day, "09:00", 4, 10, Channel.WEB, List.of(station.menu().get(0)), secretary(4))
					.flatMap((id) -> this.lifecycle.cancel(secretary(4), id)),
				book(5, center, day, "15:00", 2, 12, Channel.WEB, List.of(center.menu().get(1)), secretary(2)))
			.then();
	}

	/**
	 * Books once: an existing booking of that number is left as it is ({@link DemoOnce}).
	 */
	private Mono<UUID> book(int number, Base base, LocalDate day, String time, int branch, int headcount,
			Channel channel, List<MenuItem> menu, Caller caller) {
		UUID id = DemoDistrict.id("reservation:" + number);
		NewReservation booking = new NewReservation(id, base.id(), DemoDistrict.id("org:branch:" + branch),
				ZonedDateTime.of(day, LocalTime.parse(time), this.clock.getZone()).toInstant(), headcount,
				menu.stream().map(MenuItem::id).toList(), channel, "支部联系人", String.format("138%08d", 10 * branch - 9));
		return DemoOnce.create(() -> this.bookings.find(id).hasElement(), () -> this.bookings.book(caller, booking))
			.map(Reservation::id);
	}

	/** The secretary of demo branch {@code branch} (member 1, 11, 21 or 31). */
	private static Caller secretary(int branch) {
		UUID branchId = DemoDistrict.id("org:branch:" + branch);
		return new Caller(DemoDistrict.id("member:" + (10 * branch - 9)), branchId,
				List.of(new RoleGrant(Role.SECRETARY, branchId)), null);
	}

	private static List<Base> demoBases() {
		UUID committee = DemoDistrict.id("org:committee");
		return List.of(
				base("center", "示范区党群服务中心", BaseType.BASIC, "示范区和平路 1 号", 31.2304, 121.4737, 40, 60, committee,
						menu("center", "重温入党誓词", 30, "主题党课", 60, "组织生活会", 90)),
				base("memorial", "示范区革命历史纪念馆", BaseType.RED, "示范区纪念路 18 号", 31.2412, 121.4851, 80, 60, committee,
						menu("memorial", "重温入党誓词", 30, "讲解参观", 60, "红色影片观看", 90)),
				base("station", "光明社区志愿服务站", BaseType.PUBLIC_WELFARE, "示范区光明街 66 号", 31.2198, 121.4602, 30, 120,
						DemoDistrict.id("org:community:1"), menu("station", "社区志愿服务", 120, "垃圾分类宣传", 60)),
				base("tech", "示范区科创党建馆", BaseType.TECH, "示范区创新大道 100 号", 31.2526, 121.5013, 50, 60, committee,
						menu("tech", "智能展厅参观", 60, "科技前沿讲座", 90)));
	}

	/** Open Tuesday to Sunday, 09:00–12:00 and 14:00–17:00. */
	private static Base base(String key, String name, BaseType type, String address, double lat, double lng,
			int capacity, int slotMinutes, UUID adminOrg, List<MenuItem> menu) {
		List<OpeningPeriod> hours = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.MONDAY) {
				hours.add(new OpeningPeriod(day, LocalTime.of(9, 0), LocalTime.of(12, 0)));
				hours.add(new OpeningPeriod(day, LocalTime.of(14, 0), LocalTime.of(17, 0)));
			}
		}
		return new Base(DemoDistrict.id("base:" + key), name, type, address, lat, lng, capacity, hours, slotMinutes,
				menu, adminOrg);
	}

	/** Menu items from name/minutes pairs. */
	private static List<MenuItem> menu(String base, Object... nameAndMinutes) {
		List<MenuItem> items = new ArrayList<>();
		for (int i = 0; i < nameAndMinutes.length; i += 2) {
			items.add(new MenuItem(DemoDistrict.id("base:" + base + ":menu:" + i / 2), (String) nameAndMinutes[i],
					(Integer) nameAndMinutes[i + 1]));
		}
		return items;
	}

	/** Adds member 42 to the logins {@link DemoDistrict} wrote. */
	private void appendLogin() {
		Path file = this.settings.dataDir().resolve("demo-logins.txt");
		String line = "  " + ADMIN_PHONE + "  钱守基  基地管理员 (BASE_ADMIN of the four demo bases)";
		try {
			if (Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).contains(line)) {
				return;
			}
			Files.createDirectories(this.settings.dataDir());
			Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
