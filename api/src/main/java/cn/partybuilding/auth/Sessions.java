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

import org.springframework.r2dbc.core.DatabaseClient;
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
 * Login sessions. Each login starts a family of refresh tokens; a refresh token works exactly once and is replaced
 * by the next of its family. A token presented a second time means it was copied: the whole family is revoked, so
 * neither the thief nor the owner can go on with it. Only hashes of refresh tokens are stored.
 */
@Component
class Sessions {

	private final SecureRandom random = new SecureRandom();

	private final DatabaseClient db;

	private final TokenIssuer issuer;

	private final Accounts accounts;

	private final Memberships memberships;

	private final Clock clock;

	private final PartySettings.Jwt settings;

	private final TransactionalOperator transactionally;

	private final TransactionalOperator separately;

	Sessions(DatabaseClient db, TokenIssuer issuer, Accounts accounts, Memberships memberships, Clock clock,
			PartySettings settings, ReactiveTransactionManager transactions) {
		this.db = db;
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

	/** Starts a new session for an authenticated account. */
	Mono<TokenPair> start(UUID accountId) {
		UUID family = Ids.newId();
		Instant now = this.clock.instant();
		return this.db.sql("INSERT INTO refresh_families (id, account_id, created_at) VALUES (:id, :account, :now)")
			.bind("id", family)
			.bind("account", accountId)
			.bind("now", now)
			.then()
			.then(newRefreshToken(family, now))
			.flatMap((refreshToken) -> tokens(accountId, family, refreshToken))
			.as(this.transactionally::transactional);
	}

	/** Exchanges a refresh token for a new pair; a used, revoked, expired or unknown token is a 401. */
	Mono<TokenPair> refresh(String refreshToken) {
		byte[] hash = hash(refreshToken);
		Instant now = this.clock.instant();
		return this.db.sql("""
				UPDATE refresh_tokens t SET used_at = :now
				FROM refresh_families f
				WHERE t.token_hash = :hash AND t.family_id = f.id
				  AND t.used_at IS NULL AND t.expires_at > :now AND f.revoked_at IS NULL
				RETURNING t.family_id, f.account_id""")
			.bind("hash", hash)
			.bind("now", now)
			.map((row) -> new UUID[] { row.get("family_id", UUID.class), row.get("account_id", UUID.class) })
			.one()
			.flatMap((ids) -> newRefreshToken(ids[0], now).flatMap((next) -> tokens(ids[1], ids[0], next)))
			.as(this.transactionally::transactional)
			.switchIfEmpty(Mono.defer(() -> revokeIfReused(hash, now)
				.then(Mono.error(new DomainException(ErrorCode.REFRESH_TOKEN_INVALID)))));
	}

	/** Ends a session: none of its refresh tokens works any more. */
	Mono<Void> end(UUID familyId) {
		return this.db.sql("UPDATE refresh_families SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.bind("now", this.clock.instant())
			.bind("id", familyId)
			.then();
	}

	/**
	 * A token that was already used is being replayed: revoke its family. This must stick even though the request
	 * fails, so it commits on its own, outside any transaction the request runs in.
	 */
	private Mono<Void> revokeIfReused(byte[] hash, Instant now) {
		return this.db.sql("""
				UPDATE refresh_families f SET revoked_at = :now
				FROM refresh_tokens t
				WHERE t.token_hash = :hash AND t.family_id = f.id AND t.used_at IS NOT NULL AND f.revoked_at IS NULL""")
			.bind("hash", hash)
			.bind("now", now)
			.then()
			.as(this.separately::transactional);
	}

	private Mono<String> newRefreshToken(UUID family, Instant now) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return this.db.sql("""
				INSERT INTO refresh_tokens (token_hash, family_id, issued_at, expires_at)
				VALUES (:hash, :family, :now, :expires)""")
			.bind("hash", hash(token))
			.bind("family", family)
			.bind("now", now)
			.bind("expires", now.plus(this.settings.refreshTokenTtl()))
			.then()
			.thenReturn(token);
	}

	private Mono<TokenPair> tokens(UUID accountId, UUID family, String refreshToken) {
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
				var access = this.issuer.issue(accountId, branch, roles, family);
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
