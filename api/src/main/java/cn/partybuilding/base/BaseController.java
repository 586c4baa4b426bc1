package cn.partybuilding.base;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.security.Caller;
import cn.partybuilding.web.ApiErrors;
import cn.partybuilding.web.paging.Page;
import cn.partybuilding.web.paging.PageRequest;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * {@code /bases}: the catalog of open organizational-life bases and the seats left in
 * their slots.
 */
@RestController
@RequestMapping("/api/v1/bases")
class BaseController {

	private final BaseCatalog catalog;

	private final Availability availability;

	private final BaseCheckInCodes codes;

	private final ZoneId zone;

	BaseController(BaseCatalog catalog, Availability availability, BaseCheckInCodes codes, Clock clock) {
		this.catalog = catalog;
		this.availability = availability;
		this.codes = codes;
		this.zone = clock.getZone();
	}

	@PostMapping
	@ApiErrors(ErrorCode.MENU_ITEM_UNKNOWN)
	Mono<ResponseEntity<BaseView>> create(@Valid @RequestBody BaseRequest body, Caller caller) {
		return this.catalog.create(caller, body)
			.map((base) -> ResponseEntity.created(URI.create("/api/v1/bases/" + base.id())).body(base));
	}

	@PutMapping("/{id}")
	@ApiErrors({ ErrorCode.MENU_ITEM_UNKNOWN, ErrorCode.BASE_SLOTS_BOOKED })
	Mono<BaseView> update(@PathVariable UUID id, @Valid @RequestBody BaseRequest body, Caller caller) {
		return this.catalog.update(caller, id, body);
	}

	/**
	 * Every base (open to all members), of a type, nearest first from
	 * {@code near=lat,lng}.
	 */
	@GetMapping
	Mono<Page<BaseView>> list(@RequestParam(required = false) @Nullable BaseType type,
			@RequestParam(required = false) @Nullable @Size(max = 64) String near, PageRequest page) {
		return this.catalog.list(type, near, page);
	}

	@GetMapping("/{id}")
	Mono<BaseView> get(@PathVariable UUID id) {
		return this.catalog.get(id);
	}

	/**
	 * The slots of a local date (today when none is given) with their seats; past dates
	 * show what was booked.
	 */
	@GetMapping("/{id}/availability")
	Mono<List<Availability.SlotView>> availability(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		return this.availability.on(id, date);
	}

	/**
	 * The base's rotating check-in code for the screen at its entrance (its admins only):
	 * members of a branch with an approved reservation check in with it, by the rules of
	 * a meeting's check-in.
	 */
	@GetMapping("/{id}/checkin-code")
	Mono<CheckInCode> checkInCode(@PathVariable UUID id, Caller caller) {
		return this.codes.current(caller, id)
			.map((shown) -> new CheckInCode(shown.code(), shown.expiresAt().atZone(this.zone).toOffsetDateTime()));
	}

	/**
	 * A base as created or replaced.
	 *
	 * @param type what it is about
	 * @param address where it is
	 * @param lng longitude
	 * @param capacity how many people one slot holds
	 * @param openingHours weekly opening periods, none overlapping
	 * @param slotMinutes length of a bookable slot
	 * @param menu the activities on offer; an item with an id keeps it, one without gets
	 * a new id, items left out are taken off the menu
	 * @param adminOrgId the org unit that administers it
	 * @param bookingHorizonDays how many days ahead it takes bookings, 1 to 730 (new
	 * bases: 60; left out when replacing: unchanged)
	 * @param maxPendingPerBranch how many bookings awaiting approval one branch may hold
	 * at it, 1 to 100 (new bases: 3; left out when replacing: unchanged)
	 * @param checkInRadiusMeters how far from its point a member checking in may be, 1 to
	 * 5,000 metres (new bases: 500; left out when replacing: unchanged)
	 */
	record BaseRequest(@NotBlank @Size(max = 100) String name, @NotNull BaseType type,
			@NotBlank @Size(max = 200) String address, @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lng, @NotNull @Min(1) @Max(10_000) Integer capacity,
			@NotNull @Size(max = 50) List<@NotNull @Valid Period> openingHours,
			@NotNull @Min(10) @Max(480) Integer slotMinutes,
			@NotNull @Size(max = 50) List<@NotNull @Valid MenuItemBody> menu, @NotNull UUID adminOrgId,
			@Nullable @Min(1) @Max(730) Integer bookingHorizonDays,
			@Nullable @Min(1) @Max(100) Integer maxPendingPerBranch,
			@Nullable @Min(1) @Max(5000) Integer checkInRadiusMeters) {
	}

	/**
	 * A weekly opening period.
	 *
	 * @param dayOfWeek {@code MONDAY} to {@code SUNDAY}
	 * @param from opening time, {@code HH:mm}
	 * @param to closing time, {@code HH:mm}, after {@code from}
	 */
	record Period(@NotNull DayOfWeek dayOfWeek, @NotNull @JsonFormat(pattern = "HH:mm") LocalTime from,
			@NotNull @JsonFormat(pattern = "HH:mm") LocalTime to) {

		static Period of(OpeningPeriod period) {
			return new Period(period.dayOfWeek(), period.from(), period.to());
		}

		OpeningPeriod toPeriod() {
			return new OpeningPeriod(this.dayOfWeek, this.from, this.to);
		}

	}

	/**
	 * An activity on a base's menu.
	 *
	 * @param id the item's id, to keep an item that is on the menu already
	 * @param name what it is
	 * @param minutes how long it takes
	 */
	record MenuItemBody(@Nullable UUID id, @NotBlank @Size(max = 50) String name,
			@NotNull @Min(1) @Max(480) Integer minutes) {
	}

	/**
	 * A base as the API shows it.
	 *
	 * @param id the base
	 * @param type what it is about
	 * @param address where it is
	 * @param lng longitude
	 * @param capacity how many people one slot holds
	 * @param openingHours weekly opening periods
	 * @param slotMinutes length of a bookable slot
	 * @param menu the activities on offer
	 * @param adminOrgId the org unit that administers it
	 * @param bookingHorizonDays how many days ahead it takes bookings
	 * @param maxPendingPerBranch how many bookings awaiting approval one branch may hold
	 * at it
	 * @param checkInRadiusMeters how far from its point a member checking in may be
	 * @param distanceMeters how far it is from {@code near}, when the list was asked for
	 * with it
	 */
	record BaseView(String id, String name, BaseType type, String address, double lat, double lng, int capacity,
			List<Period> openingHours, int slotMinutes, List<MenuItemView> menu, String adminOrgId,
			int bookingHorizonDays, int maxPendingPerBranch, int checkInRadiusMeters, @Nullable Long distanceMeters) {

		static BaseView of(Base base, @Nullable Double distanceMeters) {
			return new BaseView(base.id().toString(), base.name(), base.type(), base.address(), base.lat(), base.lng(),
					base.capacity(), base.openingHours().stream().map(Period::of).toList(), base.slotMinutes(),
					base.menu()
						.stream()
						.map((item) -> new MenuItemView(item.id().toString(), item.name(), item.minutes()))
						.toList(),
					base.adminOrgId().toString(), base.bookingHorizonDays(), base.maxPendingPerBranch(),
					base.checkInRadiusMeters(), (distanceMeters != null) ? Math.round(distanceMeters) : null);
		}

	}

	/**
	 * The base's check-in code of the moment.
	 *
	 * @param code the code, for a QR code
	 * @param expiresAt until when it is accepted: the end of the 30 s window after the
	 * current one
	 */
	record CheckInCode(String code, OffsetDateTime expiresAt) {
	}

	/**
	 * An activity on the menu.
	 *
	 * @param id the item, to choose it in a reservation
	 * @param name what it is
	 * @param minutes how long it takes
	 */
	record MenuItemView(String id, String name, int minutes) {
	}

}
