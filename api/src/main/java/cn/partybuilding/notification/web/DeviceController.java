package cn.partybuilding.notification.web;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.partybuilding.notification.device.Devices;
import cn.partybuilding.notification.device.Platform;
import cn.partybuilding.security.Caller;
import cn.partybuilding.web.problem.DomainException;

/** {@code /me/devices}: the caller's push targets. */
@RestController
@RequestMapping("/api/v1")
class DeviceController {

	/** The longest push token we store. */
	static final int TOKEN_MAX = 512;

	private final Devices devices;

	private final Clock clock;

	DeviceController(Devices devices, Clock clock) {
		this.devices = devices;
		this.clock = clock;
	}

	@PostMapping("/me/devices")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<DeviceView> register(@Valid @RequestBody NewDevice body, Caller caller) {
		return this.devices.register(caller.id(), body.platform(), body.token())
			.map((device) -> new DeviceView(device.platform(), device.token(),
					device.registeredAt().atZone(this.clock.getZone()).toOffsetDateTime()));
	}

	@DeleteMapping("/me/devices/{token}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> remove(@PathVariable @Size(max = TOKEN_MAX) String token, Caller caller) {
		return this.devices.remove(caller.id(), token)
			.flatMap((removed) -> removed ? Mono.<Void>empty() : Mono.error(DomainException.notFound()));
	}

	record NewDevice(@NotNull Platform platform, @NotBlank @Size(max = TOKEN_MAX) String token) {

		@Override
		public String toString() {
			return "NewDevice[" + this.platform + "]";
		}

	}

	record DeviceView(Platform platform, String token, OffsetDateTime registeredAt) {

		@Override
		public String toString() {
			return "DeviceView[" + this.platform + "]";
		}

	}

}
