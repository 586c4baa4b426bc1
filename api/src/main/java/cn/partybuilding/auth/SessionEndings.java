package cn.partybuilding.auth;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.partybuilding.member.MembershipEvents;

/**
 * Sessions follow memberships: a member who leaves loses every session, and a member
 * whose roles were cut or who moved gets their tokens renewed. Runs in the transaction of
 * the membership change; every instance (this one too) learns of it from the notification
 * its commit sends.
 */
@Component
class SessionEndings implements MembershipEvents {

	private final SessionRepository repository;

	private final Sessions sessions;

	SessionEndings(SessionRepository repository, Sessions sessions) {
		this.repository = repository;
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> ended(UUID memberId) {
		return this.repository.endAll(memberId, "MEMBERSHIP_ENDED", this.sessions.oldestLive()).then();
	}

	@Override
	public Mono<Void> changed(UUID memberId) {
		return this.repository.renewAll(memberId, this.sessions.oldestLive()).then();
	}

}
