package cn.partybuilding.security;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys our access tokens are verified with, for gateways and other services
 * that check them.
 */
@RestController
class JwksController {

	private final JwtKeys keys;

	JwksController(JwtKeys keys) {
		this.keys = keys;
	}

	@GetMapping({ "/api/v1/.well-known/jwks.json", "/.well-known/jwks.json" })
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.publicKeys().toJSONObject());
	}

}
