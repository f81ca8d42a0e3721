package io.podlens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database the integration tests run on. By default that is H2, as configured by the
 * application or the test slice. The Maven profile {@code postgres-tests} runs the tests
 * tagged {@code integration} a second time with {@code podlens.test.database=postgres}:
 * then each Spring context gets a fresh schema in the PostgreSQL database named by
 * {@code podlens.test.postgres.url}, so runs never see each other's rows.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("podlens.test.database"));
	}

	/** A schema name no earlier context used. */
	public static String newSchema() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/**
	 * Properties that point the application at {@code schema} of the PostgreSQL test
	 * database; Flyway creates the schema and migrates it.
	 */
	public static Map<String, Object> postgresProperties(String schema) {
		String url = System.getProperty("podlens.test.postgres.url");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("podlens.test.database=postgres needs podlens.test.postgres.url");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		properties.put("spring.datasource.username", System.getProperty("podlens.test.postgres.username", "postgres"));
		properties.put("spring.datasource.password", System.getProperty("podlens.test.postgres.password", ""));
		properties.put("spring.flyway.default-schema", schema);
		properties.put("spring.flyway.schemas", schema);
		// @DataJpaTest would otherwise swap in an embedded database.
		properties.put("spring.test.database.replace", "none");
		return properties;
	}

	/** Removes a schema made for one context, with everything in it. */
	public static void dropSchema(DataSource dataSource, String schema) {
		new JdbcTemplate(dataSource).execute("drop schema if exists " + schema + " cascade");
	}

}
