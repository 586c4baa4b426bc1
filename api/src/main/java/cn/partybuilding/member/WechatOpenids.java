package cn.partybuilding.member;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import cn.partybuilding.personaldata.PersonalDataCipher;

/**
 * A member's WeChat mini-program openid, kept encrypted (bound to the account and its purpose) so subscribe
 * messages can be addressed. The WeChat binding stores it; the notifier reads it when it sends.
 */
@Component
public class WechatOpenids {

	private final DatabaseClient db;

	private final PersonalDataCipher cipher;

	WechatOpenids(DatabaseClient db, PersonalDataCipher cipher) {
		this.db = db;
		this.cipher = cipher;
	}

	public Mono<Void> remember(UUID accountId, String openid) {
		return this.db.sql("UPDATE accounts SET openid_cipher = :cipher WHERE id = :id")
			.bind("cipher", this.cipher.encrypt(openid.getBytes(StandardCharsets.UTF_8), context(accountId)))
			.bind("id", accountId)
			.then();
	}

	String decrypt(byte[] ciphertext, UUID accountId) {
		return new String(this.cipher.decrypt(ciphertext, context(accountId)), StandardCharsets.UTF_8);
	}

	private static byte[] context(UUID accountId) {
		return ("openid:" + accountId).getBytes(StandardCharsets.UTF_8);
	}

}
