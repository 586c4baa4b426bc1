package cn.partybuilding.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Registers the argument resolvers every feature's controllers use (paging, the calling
 * member).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	private final List<ArgumentResolver> resolvers;

	WebConfiguration(List<ArgumentResolver> resolvers) {
		this.resolvers = resolvers;
	}

	@Override
	public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
		this.resolvers.forEach(configurer::addCustomResolver);
	}

}
