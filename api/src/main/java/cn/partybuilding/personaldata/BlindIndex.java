package cn.partybuilding.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import cn.partybuilding.system.MasterKey;

/**
 * A keyed HMAC of a normalized value, stored beside its ciphertext so rows can be found
 * (and kept unique) by phone number without the number being readable: without the key,
 * the index of a guessed number cannot be computed.
 */
@Component
public class BlindIndex {

	private static final int LENGTH = 20;

	private final SecretKeySpec phoneKey;

	private final SecretKeySpec openidKey;

	private final SecretKeySpec deviceKey;

	BlindIndex(MasterKey masterKey) {
		this.phoneKey = new SecretKeySpec(masterKey.derive("party/blind-index/phone/v1"), "HmacSHA256");
		this.openidKey = new SecretKeySpec(masterKey.derive("party/blind-index/openid/v1"), "HmacSHA256");
		this.deviceKey = new SecretKeySpec(masterKey.derive("party/blind-index/device/v1"), "HmacSHA256");
	}

	/**
	 * The index of a phone number in its canonical form ({@link PhoneNumbers#normalize}).
	 */
	public byte[] phone(String canonicalPhone) {
		return mac(this.phoneKey, canonicalPhone);
	}

	/** The index of a WeChat openid. */
	public byte[] openid(String openid) {
		return mac(this.openidKey, openid);
	}

	/**
	 * The index of an app's install id ({@code X-Device-Id}): one device checks in one
	 * member per meeting, and the id itself, which follows a phone around, is never
	 * stored.
	 */
	public byte[] device(String deviceId) {
		return mac(this.deviceKey, deviceId);
	}

	private static byte[] mac(SecretKeySpec key, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Arrays.copyOf(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), LENGTH);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
