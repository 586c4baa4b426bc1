package cn.partybuilding.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every "now" and "today" comes from this clock, in the business zone, so tests can move
 * it.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(PartySettings settings) {
		return Clock.system(settings.zone());
	}

}
