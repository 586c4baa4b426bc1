package cn.partybuilding.security;

/**
 * A signed access token and how many seconds it lives.
 *
 * @param value the compact JWT
 * @param expiresIn seconds until it expires
 */
public record AccessToken(String value, long expiresIn) {
}
