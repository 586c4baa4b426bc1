package cn.partybuilding.base;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.partybuilding.checkin.CheckInCodes;
import cn.partybuilding.org.AccessPolicy;
import cn.partybuilding.security.Caller;
import cn.partybuilding.security.Role;
import cn.partybuilding.web.problem.DomainException;

/**
 * The base's rotating check-in code, for the screen at its entrance: shown to the base's
 * admins (and the system administrator) only. Anyone else who can see the base's
 * administering unit is refused (403), anyone who cannot finds nothing (404), as for
 * changing the base.
 */
@Service
class BaseCheckInCodes {

	private final BaseRepository repository;

	private final Bases bases;

	private final AccessPolicy access;

	private final Clock clock;

	BaseCheckInCodes(BaseRepository repository, Bases bases, AccessPolicy access, Clock clock) {
		this.repository = repository;
		this.bases = bases;
		this.access = access;
		this.clock = clock;
	}

	Mono<CheckInCodes.Shown> current(Caller caller, UUID baseId) {
		Instant now = this.clock.instant();
		return this.repository.find(baseId)
			.switchIfEmpty(Mono.error(DomainException::notFound))
			.flatMap((base) -> (caller.isSysAdmin() || caller.scopesOf(Role.BASE_ADMIN).contains(baseId))
					? Mono.just(base)
					// No role of the administering unit shows the code: 404 to those who
					// cannot see the unit, else 403.
					: this.access.require(caller, base.adminOrgId()).then(Mono.error(DomainException::forbidden)))
			.flatMap((base) -> this.bases.checkInSecret(baseId))
			.map((secret) -> CheckInCodes.shown(secret, baseId, now));
	}

}
