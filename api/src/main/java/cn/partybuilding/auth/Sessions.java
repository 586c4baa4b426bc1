package cn.partybuilding.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import cn.partybuilding.account.Accounts;
import cn.partybuilding.member.Memberships;
import cn.partybuilding.security.Role;
import cn.partybuilding.security.RoleGrant;
import cn.partybuilding.security.TokenIssuer;
import cn.partybuilding.system.Ids;
import cn.partybuilding.system.PartySettings;
import cn.partybuilding.web.problem.DomainException;
import cn.partybuilding.web.problem.ErrorCode;

/**
 * Login sessions. Each login starts a session, a family of refresh tokens; a refresh
 * token works exactly once and is replaced by the next of its family. A token presented a
 * second time means it was copied: the whole session ends, so neither the thief nor the
 * owner can go on with it. Logging out ends the session too. An ended session's access
 * tokens stop working on every instance within seconds ({@link SessionFeed}). Only
 * members who still belong (and accounts that are no members, the system administrator)
 * start or continue sessions. Only hashes of refresh tokens are stored.
 */
@Component
class Sessions {

	private final SecureRandom random = new SecureRandom();

	private final SessionRepository repository;

	private final SessionFeed feed;

	private final TokenIssuer issuer;

	private final Accounts accounts;

	private final Memberships memberships;

	private final Clock clock;

	private final PartySettings.Jwt settings;

	private final TransactionalOperator transactionally;

	private final TransactionalOperator separately;

	Sessions(SessionRepository repository, SessionFeed feed, TokenIssuer issuer, Accounts accounts,
			Memberships memberships, Clock clock, PartySettings settings, ReactiveTransactionManager transactions) {
		this.repository = repository;
		this.feed = feed;
		this.issuer = issuer;
		this.accounts = accounts;
		this.memberships = memberships;
		this.clock = clock;
		this.settings = settings.jwt();
		DefaultTransactionDefinition requiresNew = new DefaultTransactionDefinition(
				TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.separately = TransactionalOperator.create(transactions, requiresNew);
		this.transactionally = TransactionalOperator.create(transactions);
	}

	/**
	 * Starts a new session for an authenticated account; {@code MEMBERSHIP_ENDED} for a
	 * member who left.
	 */
	Mono<TokenPair> start(UUID accountId) {
		UUID family = Ids.newId();
		Instant now = this.clock.instant();
		return requireActive(accountId).then(this.repository.insertFamily(family, accountId, now))
			.then(newRefreshToken(family, now))
			.flatMap((refreshToken) -> tokens(accountId, family, 0, refreshToken))
			.as(this.transactionally::transactional);
	}

	/**
	 * Exchanges a refresh token for a new pair; a used, revoked, expired or unknown token
	 * is a 401, the token of a member who left {@code MEMBERSHIP_ENDED}.
	 */
	Mono<TokenPair> refresh(String refreshToken) {
		byte[] hash = hash(refreshToken);
		Instant now = this.clock.instant();
		return this.repository.use(hash, now)
			// The account is locked before the session's version and the roles are read:
			// a role removed meanwhile
			// has either raised the version already or waits until this token is out (and
			// then voids it).
			.flatMap((used) -> requireActive(used.accountId()).then(this.repository.version(used.family()))
				.switchIfEmpty(Mono.error(() -> new DomainException(ErrorCode.REFRESH_TOKEN_INVALID)))
				.flatMap((version) -> newRefreshToken(used.family(), now)
					.flatMap((next) -> tokens(used.accountId(), used.family(), version, next))))
			.as(this.transactionally::transactional)
			.onErrorResume(
					(ex) -> ex instanceof DomainException refusal && refusal.code() == ErrorCode.MEMBERSHIP_ENDED,
					(ex) -> endAllOf(hash).then(Mono.error(ex)))
			.switchIfEmpty(Mono.defer(() -> refused(hash)));
	}

	/**
	 * Ends the session the refresh token belongs to (whether the token was used, or has
	 * expired: the app logs out with whatever it holds). Unknown tokens change nothing;
	 * the answer is the same.
	 */
	Mono<Void> logout(String refreshToken) {
		return this.repository.endOf(hash(refreshToken))
			.collectList()
			.as(this.transactionally::transactional)
			.doOnNext(this.feed::learn)
			.then();
	}

	private Mono<Void> requireActive(UUID accountId) {
		return this.repository.lockActive(accountId)
			.defaultIfEmpty(false)
			.flatMap((active) -> active ? Mono.empty() : Mono.error(new DomainException(ErrorCode.MEMBERSHIP_ENDED)));
	}

	/**
	 * A member who left still had a live session (left before sessions ended with
	 * membership): end them all.
	 */
	private Mono<Void> endAllOf(byte[] hash) {
		return this.repository.accountOf(hash)
			.flatMapMany((account) -> this.repository.endAll(account, "MEMBERSHIP_ENDED", oldestLive()))
			.collectList()
			.as(this.separately::transactional)
			.doOnNext(this.feed::learn)
			.then();
	}

	/**
	 * A token that was already used is being replayed: its session ends. This must stick
	 * even though the request fails, so it commits on its own, outside any transaction
	 * the request runs in. The answer says why when the session ended because the member
	 * left.
	 */
	private Mono<TokenPair> refused(byte[] hash) {
		return this.repository.endIfReused(hash)
			.collectList()
			.as(this.separately::transactional)
			.doOnNext(this.feed::learn)
			.then(this.repository.endedBecause(hash))
			.map((reason) -> "MEMBERSHIP_ENDED".equals(reason) ? ErrorCode.MEMBERSHIP_ENDED
					: ErrorCode.REFRESH_TOKEN_INVALID)
			.defaultIfEmpty(ErrorCode.REFRESH_TOKEN_INVALID)
			.flatMap((code) -> Mono.error(new DomainException(code)));
	}

	/**
	 * Refresh tokens issued before this are expired: their sessions are over by
	 * themselves.
	 */
	Instant oldestLive() {
		return this.clock.instant().minus(this.settings.refreshTokenTtl());
	}

	private Mono<String> newRefreshToken(UUID family, Instant now) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.repository.insertToken(hash(token), family, now, now.plus(this.settings.refreshTokenTtl()))
			.thenReturn(token);
	}

	private Mono<TokenPair> tokens(UUID accountId, UUID family, int version, String refreshToken) {
		return Mono
			.zip(this.accounts.grantsOf(accountId),
					this.memberships.branchOf(accountId).map(List::of).defaultIfEmpty(List.of()))
			.map((grantsAndBranch) -> {
				List<RoleGrant> roles = new ArrayList<>();
				UUID branch = grantsAndBranch.getT2().isEmpty() ? null : grantsAndBranch.getT2().get(0);
				if (branch != null) {
					roles.add(new RoleGrant(Role.MEMBER, branch));
				}
				roles.addAll(grantsAndBranch.getT1());
				var access = this.issuer.issue(accountId, branch, roles, family, version);
				return new TokenPair(access.value(), refreshToken, "Bearer", access.expiresIn());
			});
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
