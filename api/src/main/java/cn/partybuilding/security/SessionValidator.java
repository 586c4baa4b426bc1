package cn.partybuilding.security;

import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Part of verifying every access token, cached or not: its session must not have ended
 * (logout, a refresh token used twice, the member leaving) and the token must be of the
 * session's current version (roles removed or a move to another branch make older tokens
 * void). A memory lookup, no I/O.
 */
final class SessionValidator implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error ENDED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The session of this token has ended or changed", null);

	private final SessionStates sessions;

	SessionValidator(SessionStates sessions) {
		this.sessions = sessions;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Object sid = token.getClaim(TokenIssuer.SESSION_ID);
		if (!(sid instanceof String session)) {
			return OAuth2TokenValidatorResult.failure(ENDED);
		}
		UUID sessionId;
		try {
			sessionId = UUID.fromString(session);
		}
		catch (IllegalArgumentException ex) {
			return OAuth2TokenValidatorResult.failure(ENDED);
		}
		return this.sessions.allows(sessionId, TokenIssuer.versionOf(token)) ? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(ENDED);
	}

}
