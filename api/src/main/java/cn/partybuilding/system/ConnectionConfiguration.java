package cn.partybuilding.system;

import io.r2dbc.pool.ConnectionPool;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database connections every feature uses: see {@link HeldConnections}. */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

	@Bean
	static BeanPostProcessor heldConnections() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof ConnectionPool pool) ? new HeldConnections(pool) : bean;
			}

		};
	}

}
