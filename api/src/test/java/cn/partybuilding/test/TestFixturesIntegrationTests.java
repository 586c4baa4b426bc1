package cn.partybuilding.test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autowired fixtures are new for every test instance and shared within one: Spring
 * injects the fields of each test instance anew, and all of them see the same client and
 * district.
 */
@IntegrationTest
class TestFixturesIntegrationTests {

	static final Set<UUID> COMMITTEES = ConcurrentHashMap.newKeySet();

	static final Set<Api> CLIENTS = ConcurrentHashMap.newKeySet();

	@Autowired
	TestDistrict district;

	@Autowired
	TestDistrict sameDistrict;

	@Autowired
	Api api;

	@Autowired
	ApplicationContext context;

	@RepeatedTest(3)
	void eachTestMethodGetsAFreshDistrictAndClient() {
		assertThat(COMMITTEES.add(this.district.committee)).isTrue();
		assertThat(CLIENTS.add(this.api)).isTrue();
	}

	@Test
	void theFieldsAndFixturesOfOneTestShareTheirDistrictAndClient() {
		assertThat(this.sameDistrict).isSameAs(this.district);
		assertThat(this.context.getBean(Api.class)).isSameAs(this.api);
		assertThat(this.context.getBean(TestDistrict.class)).isSameAs(this.district);
	}

	@AfterAll
	static void everyTestHadItsOwn() {
		assertThat(COMMITTEES).hasSizeGreaterThanOrEqualTo(3);
	}

}
