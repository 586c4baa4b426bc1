package cn.partybuilding.web;

import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from, for throttling. Behind a proxy, set
 * {@code SERVER_FORWARD_HEADERS_STRATEGY} to {@code framework} (or {@code native}) so
 * that {@code X-Forwarded-For}/{@code Forwarded} is honoured; without a proxy, leave it
 * unset, or clients could pick their own address.
 */
public final class ClientAddresses {

	private ClientAddresses() {
	}

	public static String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		// A forwarded address is unresolved: it has a host string but no InetAddress.
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
