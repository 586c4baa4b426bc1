package cn.partybuilding.web;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@Test
	void aWellFormedHeaderIsKept() {
		assertThat(RequestIds.fromHeaderOrNew("app-4f1c2b9e")).isEqualTo("app-4f1c2b9e");
	}

	@Test
	void madeUpIdsAreUniqueAndNeverLookLikeAPhoneNumber() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestIds.fromHeaderOrNew(null);
			assertThat(id).matches("[a-z2-7]{24}").doesNotContainPattern("1[3-9]\\d{9}");
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
		assertThat(RequestIds.fromHeaderOrNew("no spaces allowed")).matches("[a-z2-7]{24}");
	}

}
