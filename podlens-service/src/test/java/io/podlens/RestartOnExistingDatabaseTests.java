package io.podlens;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second instance started on an existing database with an empty data directory (a new
 * container, a lost volume) rebuilds its search index from the database by itself. Runs
 * on H2 and, in the PostgreSQL run, on PostgreSQL.
 */
@Tag("integration")
class RestartOnExistingDatabaseTests {

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void emptyDataDirectoryIsRebuiltFromTheDatabase() throws Exception {
		String schema = TestDatabase.newSchema();
		Map<String, Object> database = database(schema);
		String marker = "quokka" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
		long episodeId;

		try (ConfigurableApplicationContext first = start(database, this.temp.resolve("first"))) {
			HttpResponse<String> created = this.http
				.send(request(first, "/api/episodes").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"title":"kept","segments":[{"startMs":0,"endMs":10,"text":"a %s in the database"},
							 {"startMs":10,"endMs":20,"text":"second segment"}]}""".formatted(marker)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			episodeId = this.json.readTree(created.body()).get("id").asLong();
		}

		try (ConfigurableApplicationContext second = start(database, this.temp.resolve("second"))) {
			try {
				assertThat(this.temp.resolve("second/index")).isDirectory();
				String query = "/api/search?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
				// The searcher may pick up the rebuilt index a moment after startup.
				JsonNode search = getJson(second, query);
				for (int wait = 0; wait < 50 && search.get("total").asLong() != 1; wait++) {
					Thread.sleep(100);
					search = getJson(second, query);
				}
				assertThat(search.get("total").asLong()).as(search.toString()).isEqualTo(1);
				assertThat(search.get("totalExact").asBoolean()).isTrue();
				JsonNode hit = search.get("hits").get(0);
				assertThat(search.get("hits")).hasSize(1);
				assertThat(hit.get("episodeId").asLong()).isEqualTo(episodeId);
				assertThat(hit.get("episodeTitle").asString()).isEqualTo("kept");
				assertThat(hit.get("segmentIndex").asInt()).isZero();
				assertThat(hit.get("startMs").asLong()).isZero();
				assertThat(hit.get("endMs").asLong()).isEqualTo(10);
				assertThat(hit.get("text").asString()).isEqualTo("a " + marker + " in the database");
				// The whole episode was rebuilt, not only what one query touches.
				JsonNode secondSegment = getJson(second, "/api/search?episodeId=" + episodeId + "&q=second");
				assertThat(secondSegment.get("total").asLong()).isEqualTo(1);
				assertThat(secondSegment.get("hits").get(0).get("segmentIndex").asInt()).isEqualTo(1);
				JsonNode episodes = getJson(second, "/api/episodes");
				assertThat(episodes.get("total").asLong()).isEqualTo(1);
				assertThat(episodes.get("items")).hasSize(1);
				JsonNode kept = episodes.get("items").get(0);
				assertThat(kept.get("id").asLong()).isEqualTo(episodeId);
				assertThat(kept.get("title").asString()).isEqualTo("kept");
				assertThat(kept.get("segmentCount").asInt()).isEqualTo(2);
			}
			finally {
				if (TestDatabase.isPostgres()) {
					TestDatabase.dropSchema(second.getBean(DataSource.class), schema);
				}
			}
		}
	}

	private Map<String, Object> database(String schema) {
		if (TestDatabase.isPostgres()) {
			return TestDatabase.postgresProperties(schema);
		}
		// One H2 file shared by both instances, outside either data directory.
		Map<String, Object> h2 = new HashMap<>();
		h2.put("spring.datasource.url",
				"jdbc:h2:file:" + this.temp.resolve("db/podlens") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
		return h2;
	}

	private static ConfigurableApplicationContext start(Map<String, Object> database, Path dataDir) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("podlens.data-dir", dataDir.toString());
		properties.put("server.port", "0");
		// Command-line arguments, because default properties would lose against
		// application.yml.
		String[] args = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(PodlensApplication.class).run(args);
	}

	private JsonNode getJson(ConfigurableApplicationContext context, String path) throws Exception {
		return this.json.readTree(get(context, path));
	}

	private String get(ConfigurableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = this.http.send(request(context, path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return response.body();
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

}
