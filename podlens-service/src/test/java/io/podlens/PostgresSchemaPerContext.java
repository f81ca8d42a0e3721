package io.podlens;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * On the PostgreSQL test run, gives every Spring test context a schema of its own and
 * drops it when the context closes (registered in {@code META-INF/spring.factories}).
 * Does nothing on the default H2 run.
 */
class PostgresSchemaPerContext implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestDatabase.isPostgres() ? new SchemaCustomizer() : null;
	}

	/**
	 * All instances are equal so that the context cache works as usual: the schema is
	 * chosen when a context is actually created.
	 */
	static final class SchemaCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String schema = TestDatabase.newSchema();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("podlens-test-postgres", TestDatabase.postgresProperties(schema)));
			// A class, not a lambda: the event publication registry's multicaster cannot
			// resolve a lambda's event type and would hand it every event.
			context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {

				@Override
				public void onApplicationEvent(ContextClosedEvent event) {
					event.getApplicationContext()
						.getBeanProvider(DataSource.class)
						.ifAvailable((dataSource) -> TestDatabase.dropSchema(dataSource, schema));
				}

			});
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SchemaCustomizer;
		}

		@Override
		public int hashCode() {
			return SchemaCustomizer.class.hashCode();
		}

	}

}
