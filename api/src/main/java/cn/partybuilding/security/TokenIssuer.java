package cn.partybuilding.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import cn.partybuilding.system.PartySettings;

/**
 * Issues access tokens: signed with the first key (RS256 for an RSA key, ES256 for an EC
 * key) and its {@code kid}, with issuer and audience, lifetime about 15 minutes, and the
 * claims {@code sub} (the account), {@code roles} ({@code [{role, scope}]}),
 * {@code branchId}, {@code sid} (the session: the refresh-token family, so logging out
 * can end it) and {@code sv} (the session's version when the token was issued: a token of
 * an older version no longer works).
 */
@Component
public class TokenIssuer {

	static final String ROLES = "roles";

	static final String BRANCH_ID = "branchId";

	static final String SESSION_ID = "sid";

	static final String SESSION_VERSION = "sv";

	private final JwtEncoder encoder;

	private final String keyId;

	private final SignatureAlgorithm algorithm;

	private final PartySettings.Jwt settings;

	private final Clock clock;

	TokenIssuer(JwtEncoder encoder, JwtKeys keys, PartySettings settings, Clock clock) {
		this.encoder = encoder;
		this.keyId = keys.signingKey().getKeyID();
		this.algorithm = keys.signingAlgorithm();
		this.settings = settings.jwt();
		this.clock = clock;
	}

	/** A token of version 0 of the session: a new session's. */
	public AccessToken issue(UUID accountId, @Nullable UUID branchId, List<RoleGrant> roles, UUID sessionId) {
		return issue(accountId, branchId, roles, sessionId, 0);
	}

	public AccessToken issue(UUID accountId, @Nullable UUID branchId, List<RoleGrant> roles, UUID sessionId,
			int sessionVersion) {
		Instant now = this.clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.audience(List.of(this.settings.audience()))
			.subject(accountId.toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.settings.accessTokenTtl()))
			.id(UUID.randomUUID().toString())
			.claim(ROLES, roles.stream().map(TokenIssuer::claim).toList())
			.claim(SESSION_ID, sessionId.toString())
			.claim(SESSION_VERSION, sessionVersion);
		if (branchId != null) {
			claims.claim(BRANCH_ID, branchId.toString());
		}
		JwsHeader header = JwsHeader.with(this.algorithm).keyId(this.keyId).type("JWT").build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new AccessToken(token, this.settings.accessTokenTtl().toSeconds());
	}

	/**
	 * The session version a token was issued at; 0 for tokens issued before sessions had
	 * versions.
	 */
	static int versionOf(org.springframework.security.oauth2.jwt.Jwt token) {
		return (token.getClaim(SESSION_VERSION) instanceof Number version) ? version.intValue() : 0;
	}

	private static Map<String, Object> claim(RoleGrant grant) {
		Map<String, Object> claim = new LinkedHashMap<>();
		claim.put("role", grant.role().name());
		if (grant.scope() != null) {
			claim.put("scope", grant.scope().toString());
		}
		return claim;
	}

}
