package io.podlens.topic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.podlens.PodlensApplication;
import io.podlens.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service started on a database from an older release: the new default topics reach
 * it, a client's edit and deletion survive, the stored episodes are analysed again with
 * the new topics, and the start after that changes nothing. Runs on H2 and, in the
 * PostgreSQL run, on PostgreSQL.
 */
@Tag("integration")
class TaxonomyUpgradeOnRestartTests {

	private static final Duration WAIT = Duration.ofMinutes(2);

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anOlderDatabaseGetsTheNewTopicsAndItsEpisodesAreAnalysedAgain() throws Exception {
		String schema = TestDatabase.newSchema();
		Map<String, Object> database = database(schema);
		long episode;
		try (ConfigurableApplicationContext first = start(database)) {
			HttpResponse<String> created = send(first, HttpRequest.newBuilder(uri(first, "/api/episodes"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"""
								{"title":"upgrade","segments":[
								 {"startMs":0,"endMs":10,"text":"OpenAI trained Whisper for speech recognition"},
								 {"startMs":10,"endMs":20,"text":"and GPT-4o answers in real time, said the OpenAI team"}]}""")));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			episode = this.json.readTree(created.body()).get("id").asLong();
			first.getBean(TopicWorker.class).awaitIdle(WAIT);
			assertThat(episodeTopics(first, episode)).contains("whisper", "gpt-4o", "openai");

			// A client deletes Sora and edits OpenAI; then the database is made to look
			// as
			// if an older release had seeded it: without Whisper, with GPT-4o changed
			// since.
			assertThat(send(first, HttpRequest.newBuilder(uri(first, "/api/topics/sora")).DELETE()).statusCode())
				.isEqualTo(204);
			HttpResponse<String> edited = send(first,
					HttpRequest.newBuilder(uri(first, "/api/topics/openai"))
						.header("Content-Type", "application/json")
						.PUT(HttpRequest.BodyPublishers.ofString("""
								{"name":"OpenAI Inc.","category":"organization","aliases":["Open AI"]}""")));
			assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
			first.getBean(TopicWorker.class).awaitIdle(WAIT);
			JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
			jdbc.sql("delete from topic where id = 'whisper'").update();
			jdbc.sql("update topic set aliases = '[]', default_version = 'older' where id = 'gpt-4o'").update();
			jdbc.sql("update taxonomy_state set version = 'older'").update();
		}

		try (ConfigurableApplicationContext second = start(database)) {
			awaitReanalysis(second);
			assertThat(episodeTopics(second, episode)).contains("whisper", "gpt-4o", "openai");
			JsonNode gpt4o = getJson(second, "/api/topics/gpt-4o");
			assertThat(gpt4o.get("aliases").toString()).contains("GPT4o");
			assertThat(gpt4o.get("parent").asString()).isEqualTo("gpt");
			assertThat(getJson(second, "/api/topics/openai").get("name").asString()).isEqualTo("OpenAI Inc.");
			assertThat(send(second, HttpRequest.newBuilder(uri(second, "/api/topics/sora")).GET()).statusCode())
				.isEqualTo(404);
			JsonNode openai = getJson(second, "/api/topics/openai?includeChildren=true");
			assertThat(openai.get("withDescendants").get("mentionCount").asLong())
				.isGreaterThan(openai.get("mentionCount").asLong());
		}

		try (ConfigurableApplicationContext third = start(database)) {
			try {
				// Nothing new to apply: no re-analysis either.
				assertThat(getJson(third, "/api/topics/reanalysis").get("status").asString()).isEqualTo("idle");
				assertThat(getJson(third, "/api/topics/openai").get("name").asString()).isEqualTo("OpenAI Inc.");
				assertThat(episodeTopics(third, episode)).contains("whisper");
			}
			finally {
				if (TestDatabase.isPostgres()) {
					TestDatabase.dropSchema(third.getBean(DataSource.class), schema);
				}
			}
		}
	}

	private void awaitReanalysis(ConfigurableApplicationContext context) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode status = getJson(context, "/api/topics/reanalysis");
		while (!"done".equals(status.get("status").asString()) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			status = getJson(context, "/api/topics/reanalysis");
		}
		assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("done");
		assertThat(status.get("episodesTotal").asInt()).isEqualTo(1);
	}

	private List<String> episodeTopics(ConfigurableApplicationContext context, long episode) throws Exception {
		JsonNode answer = getJson(context, "/api/episodes/" + episode + "/topics");
		assertThat(answer.get("status").asString()).as(String.valueOf(answer.get("detail"))).isEqualTo("ready");
		return answer.get("topics").valueStream().map((t) -> t.get("topic").get("id").asString()).toList();
	}

	private Map<String, Object> database(String schema) {
		if (TestDatabase.isPostgres()) {
			return TestDatabase.postgresProperties(schema);
		}
		Map<String, Object> h2 = new HashMap<>();
		h2.put("spring.datasource.url",
				"jdbc:h2:file:" + this.temp.resolve("db/podlens") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
		return h2;
	}

	/** One data directory for all starts: a restart, not a new instance. */
	private ConfigurableApplicationContext start(Map<String, Object> database) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("podlens.data-dir", this.temp.resolve("data").toString());
		properties.put("server.port", "0");
		properties.put("podlens.search.warm-up", "0");
		String[] args = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(PodlensApplication.class).run(args);
	}

	private JsonNode getJson(ConfigurableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = send(context, HttpRequest.newBuilder(uri(context, path)).GET());
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(ConfigurableApplicationContext context, HttpRequest.Builder request)
			throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

}
