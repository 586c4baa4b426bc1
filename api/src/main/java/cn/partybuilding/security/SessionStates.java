package cn.partybuilding.security;

import java.util.UUID;

/**
 * What every instance knows about the sessions access tokens are issued for: whether a
 * token of a session, issued at a version of it, still stands. Asked on every request, so
 * it must answer from memory. Implemented where sessions are kept ({@code auth}).
 */
public interface SessionStates {

	/**
	 * Whether a token of {@code sessionId} issued at {@code version} still stands (not
	 * ended, not outdated).
	 */
	boolean allows(UUID sessionId, int version);

}
