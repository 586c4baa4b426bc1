package cn.partybuilding.auth;

/**
 * What a successful login or refresh answers: {@code {accessToken, refreshToken,
 * tokenType, expiresIn}}.
 *
 * @param accessToken the signed access token (JWT)
 * @param refreshToken the opaque refresh token; it works once
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 */
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
}
