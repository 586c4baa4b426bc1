package cn.partybuilding.personaldata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.partybuilding.system.MasterKey;
import cn.partybuilding.system.MasterKeys;
import cn.partybuilding.system.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Phone numbers at rest: encrypted, bound to their row, found by a keyed index, under a
 * key kept off the database.
 */
class PersonalDataCipherTests {

	@TempDir
	Path dir;

	@Test
	void aPhoneNumberRoundTripsAndItsCiphertextHoldsNoDigitsOfIt() {
		PersonalDataCipher cipher = new PersonalDataCipher(key(null));
		UUID row = UUID.randomUUID();
		byte[] sealed = cipher.encrypt("13912345678", row);
		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
		assertThat(cipher.decrypt(sealed, row)).isEqualTo("13912345678");
	}

	@Test
	void aCiphertextCopiedIntoAnotherRowDoesNotDecrypt() {
		PersonalDataCipher cipher = new PersonalDataCipher(key(null));
		byte[] sealed = cipher.encrypt("13912345678", UUID.randomUUID());
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID()));
	}

	@Test
	void theBlindIndexDependsOnTheKeySoAGuessedNumberCannotBeLookedUpWithoutIt() {
		BlindIndex one = new BlindIndex(key(Base64.getEncoder().encodeToString(new byte[32])));
		BlindIndex other = new BlindIndex(
				key(Base64.getEncoder().encodeToString("another key of 32 bytes or more!".getBytes())));
		assertThat(one.phone("13912345678")).isEqualTo(one.phone("13912345678"))
			.isNotEqualTo(other.phone("13912345678"))
			.isNotEqualTo(one.phone("13912345679"));
	}

	@Test
	void aGeneratedKeyIsKeptOutsideTheDatabaseReadableOnlyByItsOwnerAndReused() throws Exception {
		MasterKey first = key(null);
		MasterKey second = key(null);
		Path file = this.dir.resolve("data-key");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(second.derive("x")).isEqualTo(first.derive("x"));
		assertThat(first.derive("x")).isNotEqualTo(first.derive("y"));
	}

	@Test
	void aConfiguredKeyMustHoldThirtyTwoBytes() {
		assertThatIllegalStateException().isThrownBy(() -> key(Base64.getEncoder().encodeToString(new byte[16])));
		assertThatIllegalStateException().isThrownBy(() -> key("not base64 at all!"));
	}

	private MasterKey key(String configured) {
		return MasterKeys.of(TestSettings.with(this.dir, null, configured));
	}

}
