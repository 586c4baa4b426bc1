package cn.partybuilding.notification.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered push target.
 *
 * @param token the push token (a credential of sorts: never logged)
 * @param memberId whose device it is
 * @param platform the kind of device
 * @param registeredAt when it was registered
 */
public record Device(String token, UUID memberId, Platform platform, Instant registeredAt) {

	@Override
	public String toString() {
		return "Device[" + this.platform + " of " + this.memberId + "]";
	}

}
