package cn.partybuilding.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

import org.springframework.stereotype.Component;

import cn.partybuilding.system.MasterKey;

/**
 * Encrypts personal data (phone numbers, ID numbers) with AES-256-GCM through Tink,
 * binding the owning row's id as associated data: a ciphertext copied into another row
 * does not decrypt. Ciphertexts start with a key version byte so the key can be rotated
 * later.
 */
@Component
public class PersonalDataCipher {

	private static final byte VERSION = 1;

	private final Aead aead;

	PersonalDataCipher(MasterKey masterKey) {
		try {
			this.aead = new AesGcmJce(masterKey.derive("party/personal-data/aead/v1"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	public byte[] encrypt(String plaintext, UUID rowId) {
		return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(rowId));
	}

	public String decrypt(byte[] ciphertext, UUID rowId) {
		return new String(decrypt(ciphertext, associatedData(rowId)), StandardCharsets.UTF_8);
	}

	/**
	 * Encrypts arbitrary bytes bound to {@code context}, e.g. a stored response bound to
	 * its idempotency key.
	 */
	public byte[] encrypt(byte[] plaintext, byte[] context) {
		try {
			byte[] sealed = this.aead.encrypt(plaintext, context);
			return ByteBuffer.allocate(sealed.length + 1).put(VERSION).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public byte[] decrypt(byte[] ciphertext, byte[] context) {
		if (ciphertext.length < 1 || ciphertext[0] != VERSION) {
			throw new IllegalStateException("Unknown ciphertext version");
		}
		try {
			return this.aead.decrypt(java.util.Arrays.copyOfRange(ciphertext, 1, ciphertext.length), context);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered data", ex);
		}
	}

	private static byte[] associatedData(UUID rowId) {
		return ByteBuffer.allocate(16)
			.putLong(rowId.getMostSignificantBits())
			.putLong(rowId.getLeastSignificantBits())
			.array();
	}

}
