package cn.partybuilding.web.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * The first response to a request with an idempotency key, as it is replayed.
 *
 * @param requestHash hash of method, path, query and body of the request that produced it
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, if any
 * @param location the {@code Location}, if any
 * @param body the body bytes
 */
record StoredResponse(byte[] requestHash, int status, @Nullable String contentType, @Nullable String location,
		byte[] body) {
}
