package cn.partybuilding.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.account.Passwords;
import cn.partybuilding.base.Base;
import cn.partybuilding.base.BaseType;
import cn.partybuilding.base.Bases;
import cn.partybuilding.member.Members;
import cn.partybuilding.org.OrgTree;
import cn.partybuilding.reservation.Bookings;
import cn.partybuilding.reservation.ReservationLifecycle;
import cn.partybuilding.reservation.ReservationStatus;
import cn.partybuilding.system.PartySettings;
import cn.partybuilding.test.Api;
import cn.partybuilding.test.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo bases load on top of the demo district with a base admin and bookings; loading
 * again changes nothing.
 */
@IntegrationTest
class DemoBasesIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DatabaseClient db;

	@Autowired
	Bases bases;

	@Autowired
	Bookings bookings;

	@Autowired
	PartySettings settings;

	@Autowired
	Api api;

	@Test
	@SuppressWarnings("unchecked")
	void theDemoBasesAreLoadedOnceWithTheirAdminAndBookings() throws Exception {
		load();
		Map<Integer, Integer> seats = Map.of(1, seatsHeldBy(1), 2, seatsHeldBy(2));
		load();

		List<Base> demo = List.of("center", "memorial", "station", "tech")
			.stream()
			.map((key) -> this.bases.find(DemoDistrict.id("base:" + key)).block(Duration.ofSeconds(5)))
			.toList();
		assertThat(demo).extracting(Base::type)
			.containsExactly(BaseType.BASIC, BaseType.RED, BaseType.PUBLIC_WELFARE, BaseType.TECH);
		assertThat(demo).allSatisfy((base) -> assertThat(base.menu()).isNotEmpty());

		String token = this.api.login(DemoBases.ADMIN_PHONE, DemoDistrict.PASSWORD);
		List<Map<String, Object>> roles = (List<Map<String, Object>>) this.api.get(token, "/api/v1/me")
			.exchange()
			.expectBody(Api.JSON)
			.returnResult()
			.getResponseBody()
			.get("roles");
		assertThat(roles).filteredOn((role) -> "BASE_ADMIN".equals(role.get("role")))
			.extracting((role) -> role.get("scope"))
			.containsExactlyInAnyOrderElementsOf(demo.stream().map((base) -> base.id().toString()).toList());

		assertThat(status(1)).isEqualTo(ReservationStatus.PENDING);
		assertThat(status(3)).isEqualTo(ReservationStatus.APPROVED);
		assertThat(status(4)).isEqualTo(ReservationStatus.CANCELLED);
		assertThat(status(5)).isEqualTo(ReservationStatus.PENDING);
		assertThat(Map.of(1, seatsHeldBy(1), 2, seatsHeldBy(2))).isEqualTo(seats);
		assertThat(seatsHeldBy(1)).isEqualTo(28);
		assertThat(seatsHeldBy(2)).isEqualTo(28 + 15);

		List<String> logins = Files.readAllLines(this.settings.dataDir().resolve("demo-logins.txt"),
				StandardCharsets.UTF_8);
		assertThat(logins).filteredOn((line) -> line.contains(DemoBases.ADMIN_PHONE)).hasSize(1);
	}

	/**
	 * Two instances loading the demo at the same moment both find a booking missing and
	 * both book it: the one that books second finds it booked and starts all the same (it
	 * used to fail its start on the duplicate).
	 */
	@Test
	void aBookingAnotherInstanceMadeAfterThisOneLookedIsLeftAsItIs() {
		load();
		int seats = seatsHeldBy(1);
		UUID first = DemoDistrict.id("reservation:1");
		Bookings racing = Mockito.spy(this.bookings);
		// As if this instance had looked just before the other one booked: missing, then
		// as stored.
		Mockito.doReturn(Mono.empty()).doCallRealMethod().when(racing).find(first);

		new DemoBases(this.bases, racing, bean(ReservationLifecycle.class), bean(Members.class), bean(Accounts.class),
				bean(Passwords.class), this.settings, bean(Clock.class))
			.run(new DefaultApplicationArguments());

		Mockito.verify(racing).book(Mockito.any(), Mockito.argThat((booking) -> booking.id().equals(first)));
		assertThat(status(1)).isEqualTo(ReservationStatus.PENDING);
		assertThat(seatsHeldBy(1)).isEqualTo(seats);
	}

	private void load() {
		new DemoDistrict(bean(OrgTree.class), bean(Members.class), bean(Accounts.class), bean(Passwords.class),
				this.settings, bean(Clock.class))
			.run(new DefaultApplicationArguments());
		new DemoBases(this.bases, this.bookings, bean(ReservationLifecycle.class), bean(Members.class),
				bean(Accounts.class), bean(Passwords.class), this.settings, bean(Clock.class))
			.run(new DefaultApplicationArguments());
	}

	private ReservationStatus status(int number) {
		return this.bookings.find(DemoDistrict.id("reservation:" + number)).block(Duration.ofSeconds(5)).status();
	}

	/** Seats booked in the first slot of demo reservation {@code number}. */
	private int seatsHeldBy(int number) {
		UUID id = DemoDistrict.id("reservation:" + number);
		return this.db
			.sql("SELECT s.booked FROM base_slots s JOIN reservations r ON r.base_id = s.base_id "
					+ "AND s.starts_at = r.starts_at WHERE r.id = :id")
			.bind("id", id)
			.map((row) -> row.get("booked", Integer.class))
			.one()
			.block(Duration.ofSeconds(5));
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

}
