package cn.partybuilding.checkin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an install id may look like. */
class DeviceIdsTests {

	@Test
	void anInstallIdIsOneTo128PrintableAsciiCharacters() {
		assertThat(DeviceIds.wellFormed("a")).isTrue();
		assertThat(DeviceIds.wellFormed("3F2504E0-4F89-11D3-9A0C-0305E82C3301")).isTrue();
		assertThat(DeviceIds.wellFormed("x".repeat(128))).isTrue();
		assertThat(DeviceIds.wellFormed("")).isFalse();
		assertThat(DeviceIds.wellFormed("x".repeat(129))).isFalse();
		assertThat(DeviceIds.wellFormed("设备")).isFalse();
		assertThat(DeviceIds.wellFormed("tab\there")).isFalse();
		assertThat(DeviceIds.wellFormed("bell\u0007")).isFalse();
		assertThat(DeviceIds.wellFormed("del\u007f")).isFalse();
	}

}
