package cn.partybuilding.test;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;

/**
 * One bean per test instance: every field of a test instance, and every fixture those
 * fields depend on, get the same {@link Api} and {@link TestDistrict}, and the next test
 * instance gets new ones. With JUnit's default lifecycle that is one per test method;
 * with {@code @TestInstance(PER_CLASS)} one per class. (Prototype beans would not do:
 * each injection point gets its own, so a class's {@link BaseFixtures} would book for
 * another district than its own.)
 */
final class TestInstanceScope implements Scope {

	static final String NAME = "testInstance";

	private final Map<String, Object> beans = new HashMap<>();

	@Override
	public synchronized Object get(String name, ObjectFactory<?> factory) {
		Object bean = this.beans.get(name);
		if (bean == null) {
			bean = factory.getObject();
			this.beans.put(name, bean);
		}
		return bean;
	}

	@Override
	public synchronized @Nullable Object remove(String name) {
		return this.beans.remove(name);
	}

	@Override
	public void registerDestructionCallback(String name, Runnable callback) {
		// Fixtures hold nothing to release: they are forgotten with their test instance.
	}

	@Override
	public @Nullable Object resolveContextualObject(String key) {
		return null;
	}

	@Override
	public @Nullable String getConversationId() {
		return null;
	}

	synchronized void clear() {
		this.beans.clear();
	}

	/**
	 * Starts the scope afresh for each test instance, just before Spring injects its
	 * fields.
	 */
	static final class Reset implements TestExecutionListener, Ordered {

		@Override
		public void prepareTestInstance(TestContext testContext) {
			ApplicationContext context = testContext.getApplicationContext();
			if (context instanceof ConfigurableApplicationContext configurable
					&& configurable.getBeanFactory().getRegisteredScope(NAME) instanceof TestInstanceScope scope) {
				scope.clear();
			}
		}

		@Override
		public int getOrder() {
			return DependencyInjectionTestExecutionListener.ORDER - 1;
		}

	}

}
