package cn.partybuilding.notification.device;

import java.time.Clock;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The devices members receive push messages on. A token belongs to the member who
 * registered it last (a phone that changes hands moves with its token); a member keeps at
 * most {@link #PER_MEMBER} devices, the newest.
 */
@Service
public class Devices {

	/**
	 * Enough for a phone, a tablet and a few reinstalls; older registrations are dropped.
	 */
	public static final int PER_MEMBER = 10;

	private final DeviceRepository devices;

	private final Clock clock;

	Devices(DeviceRepository devices, Clock clock) {
		this.devices = devices;
		this.clock = clock;
	}

	public Mono<Device> register(UUID memberId, Platform platform, String token) {
		Device device = new Device(token, memberId, platform, this.clock.instant());
		return this.devices.save(device).then(this.devices.keepNewest(memberId, PER_MEMBER)).thenReturn(device);
	}

	/**
	 * Removes the member's device; {@code false} when the member has no device with that
	 * token.
	 */
	public Mono<Boolean> remove(UUID memberId, String token) {
		return this.devices.delete(memberId, token);
	}

	/** Drops a token the push gateway called invalid, whoever it belongs to. */
	public Mono<Void> drop(String token) {
		return this.devices.delete(token);
	}

	public Flux<Device> ofMember(UUID memberId) {
		return this.devices.ofMember(memberId);
	}

}
