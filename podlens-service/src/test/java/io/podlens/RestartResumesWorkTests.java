package io.podlens;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.podlens.bulkimport.ForegroundWork;
import io.podlens.episode.SegmentSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work the database promised survives a stop: the first instance stores an episode but
 * neither indexes it (its index writes fail) nor extracts its topics nor embeds its
 * segments (a bulk import holds both back) before it stops; the second instance, on the
 * same database and data directory, finishes all three from the publications left
 * incomplete.
 */
@Tag("integration")
class RestartResumesWorkTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void restartResumesUnfinishedIndexAndTopicWork() throws Exception {
		String schema = TestDatabase.newSchema();
		Map<String, Object> database = database(schema);
		Path dataDir = this.temp.resolve("data");
		long episode;
		ConfigurableApplicationContext first = start(database, dataDir, true);
		// Held until the instance has stopped, so that extraction never starts in it.
		ForegroundWork.Running bulkImport = first.getBean(ForegroundWork.class).begin();
		try {
			HttpResponse<String> created = this.http.send(request(first, "/api/episodes")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"title":"unfinished","segments":[
						 {"startMs":0,"endMs":5000,"text":"今天我們聊 GPT-4o 跟 Gemini 的多模態模型"},
						 {"startMs":5000,"endMs":9000,"text":"OpenAI and Google DeepMind ship multimodal models"}]}"""))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			episode = JsonMapper.builder().build().readTree(created.body()).get("id").asLong();
			JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
			assertThat(outstanding(jdbc, "IndexEvents")).isEqualTo(1);
			assertThat(outstanding(jdbc, "TopicEvents")).isEqualTo(1);
			assertThat(outstanding(jdbc, "EmbeddingEvents")).isEqualTo(1);
			assertThat(total(first, "DeepMind")).isZero();
		}
		finally {
			first.close();
			bulkImport.close();
		}

		try (ConfigurableApplicationContext second = start(database, dataDir, false)) {
			try {
				JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
				long deadline = System.nanoTime() + WAIT.toNanos();
				while ((mentions(jdbc, episode) == 0 || outstanding(jdbc, "TopicEvents") > 0
						|| outstanding(jdbc, "EmbeddingEvents") > 0 || outstanding(jdbc, "VectorIndexEvents") > 0)
						&& System.nanoTime() < deadline) {
					Thread.sleep(200);
				}
				assertThat(mentions(jdbc, episode)).as("topics extracted after the restart").isPositive();
				assertThat(outstanding(jdbc, "TopicEvents")).isZero();
				assertThat(outstanding(jdbc, "IndexEvents")).isZero();
				assertThat(outstanding(jdbc, "EmbeddingEvents")).isZero();
				assertThat(embedded(jdbc, episode)).as("segments embedded after the restart").isEqualTo(2);
				assertThat(total(second, "DeepMind")).isEqualTo(1);
				JsonNode semantic = search(second, "/api/search?mode=semantic&q=multimodal+models");
				assertThat(semantic.get("hits").get(0).get("semanticRank").asInt()).isEqualTo(1);
			}
			finally {
				if (TestDatabase.isPostgres()) {
					TestDatabase.dropSchema(second.getBean(DataSource.class), schema);
				}
			}
		}
	}

	private static long outstanding(JdbcClient jdbc, String listener) {
		return jdbc.sql("select count(*) from event_publication where listener_id like ? and completion_date is null")
			.param("%" + listener + "%")
			.query(Long.class)
			.single();
	}

	private static long embedded(JdbcClient jdbc, long episode) {
		return jdbc.sql(
				"select count(*) from segment_embedding e join segment s on s.id = e.segment_id where s.episode_id = ?")
			.param(episode)
			.query(Long.class)
			.single();
	}

	private static long mentions(JdbcClient jdbc, long episode) {
		return jdbc.sql("select count(*) from mention where episode_id = ?").param(episode).query(Long.class).single();
	}

	private long total(ConfigurableApplicationContext context, String word) throws Exception {
		return search(context, "/api/search?q=" + word).get("total").asLong();
	}

	private JsonNode search(ConfigurableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = this.http.send(request(context, path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
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

	/**
	 * @param failIndexing make every index write fail, as a broken index would: the
	 * segments the index listener reads back never arrive
	 */
	private static ConfigurableApplicationContext start(Map<String, Object> database, Path dataDir,
			boolean failIndexing) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("podlens.data-dir", dataDir.toString());
		properties.put("server.port", "0");
		// No periodic retry within the test: only the restart may finish the work.
		properties.put("podlens.events.retry-every", "1h");
		properties.put("podlens.embedding.enabled", "true");
		properties.put("podlens.embedding.quiet-after", "0s");
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(PodlensApplication.class);
		if (failIndexing) {
			builder.initializers((context) -> context.getBeanFactory().addBeanPostProcessor(new FailingIndexReads()));
		}
		return builder.run(args.toArray(String[]::new));
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

	/** Wraps the segment source so that the batch read the index listener uses fails. */
	private static final class FailingIndexReads implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof SegmentSource source)) {
				return bean;
			}
			return Proxy.newProxyInstance(SegmentSource.class.getClassLoader(), new Class<?>[] { SegmentSource.class },
					(proxy, method, args) -> {
						if (method.getName().equals("segmentsOf") && args[0] instanceof Collection) {
							throw new IllegalStateException("index writes fail in this instance");
						}
						try {
							return method.invoke(source, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
