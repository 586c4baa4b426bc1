package cn.partybuilding.test;

import org.springframework.beans.factory.config.CustomScopeConfigurer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The test API client and the fixtures as beans, so an integration test declares only the
 * ones it uses: {@code @Autowired TestDistrict district;}. They live in the
 * {@linkplain TestInstanceScope test instance scope}: a fresh district (new orgs and
 * phones) and client address per test instance, shared by all its fixtures.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestFixtures {

	@Bean
	static CustomScopeConfigurer testInstanceScope() {
		CustomScopeConfigurer configurer = new CustomScopeConfigurer();
		configurer.addScope(TestInstanceScope.NAME, new TestInstanceScope());
		return configurer;
	}

	@Bean
	@Scope(TestInstanceScope.NAME)
	Api testApi(WebTestClient client) {
		return new Api(client);
	}

	@Bean
	@Scope(TestInstanceScope.NAME)
	TestDistrict testDistrict(ApplicationContext context, Api api) {
		return new TestDistrict(context, api);
	}

	@Bean
	@Scope(TestInstanceScope.NAME)
	TestActivities testActivities(Api api) {
		return new TestActivities(api);
	}

	@Bean
	@Scope(TestInstanceScope.NAME)
	TestVolunteering testVolunteering(Api api, DatabaseClient db) {
		return new TestVolunteering(api, db);
	}

	@Bean
	@Scope(TestInstanceScope.NAME)
	BaseFixtures baseFixtures(Api api, TestDistrict district) {
		return new BaseFixtures(api, district);
	}

}
