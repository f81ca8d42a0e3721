package io.podlens.topic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.podlens.PodlensApplication;
import io.podlens.TestDatabase;
import io.podlens.bulkimport.ForegroundWork;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database share topic work: an episode both are asked to analyse
 * (the second by a resubmitted publication, as the periodic retry does) is analysed once;
 * a taxonomy change made through one is used by the other and the re-analysis it asks for
 * is done once; a claim left by a crashed instance is taken over.
 */
@Tag("integration")
class SharedWorkTests {

	private static final Duration WAIT = Duration.ofMinutes(1);

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	/** How often each episode's mentions were stored, over both instances. */
	private final Map<Long, AtomicInteger> stored = new ConcurrentHashMap<>();

	@Test
	void twoInstancesAnalyseEachEpisodeOnceAndShareTaxonomyChanges() throws Exception {
		String schema = TestDatabase.newSchema();
		Map<String, Object> database = database(schema);
		try (ConfigurableApplicationContext a = start(database, "a");
				ConfigurableApplicationContext b = start(database, "b")) {
			JdbcClient jdbc = JdbcClient.create(a.getBean(DataSource.class));
			try {
				// A is asked first but held back by a bulk import; B, handed the
				// publication again, does the work; A then finds it done.
				long episode;
				try (ForegroundWork.Running held = a.getBean(ForegroundWork.class).begin()) {
					episode = importEpisode(a, "shared", "Zorblax ships a GPT-4o rival, says OpenAI");
					assertThat(a.getBean(TopicWorker.class).status().episodesQueued()).isEqualTo(1);
					b.getBean(IncompleteEventPublications.class).resubmitIncompletePublications((p) -> true);
					b.getBean(TopicWorker.class).awaitIdle(WAIT);
					await(() -> mentions(jdbc, episode, null) > 0 && outstanding(jdbc) == 0);
				}
				a.getBean(TopicWorker.class).awaitIdle(WAIT);
				assertThat(this.stored.get(episode)).as("analyses of the episode").hasValue(1);
				assertThat(a.getBean(TopicWorker.class).status().episodesQueued()).isZero();
				assertThat(mentions(jdbc, episode, "zorblax")).isZero();

				// A topic created through B reaches A's taxonomy, and the episode is
				// analysed again once, by one of them.
				HttpResponse<String> created = send(b,
						HttpRequest.newBuilder(uri(b, "/api/topics"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("""
									{"id":"zorblax","name":"Zorblax","category":"product"}""")));
				assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
				TopicCatalog catalogA = a.getBean(TopicCatalog.class);
				await(() -> catalogA.current().topic("zorblax").isPresent());
				assertThat(send(a, HttpRequest.newBuilder(uri(a, "/api/topics/zorblax")).GET()).statusCode())
					.isEqualTo(200);
				assertThat(catalogA.current().revision()).isEqualTo(b.getBean(TopicCatalog.class).current().revision());
				await(() -> mentions(jdbc, episode, "zorblax") > 0);
				a.getBean(TopicWorker.class).awaitIdle(WAIT);
				b.getBean(TopicWorker.class).awaitIdle(WAIT);
				long revision = catalogA.current().revision();
				assertThat(a.getBean(TopicAnalysis.class).countToDo(revision)).isZero();
				assertThat(this.stored.get(episode)).as("analyses after the change").hasValue(2);
				JsonNode topics = json(
						send(a, HttpRequest.newBuilder(uri(a, "/api/episodes/" + episode + "/topics")).GET()));
				assertThat(topics.toString()).contains("zorblax");

				// An instance that crashed while it held a claim: once its lease has run
				// out, the other takes the work over.
				long orphan;
				try (ForegroundWork.Running held = b.getBean(ForegroundWork.class).begin();
						ForegroundWork.Running heldToo = a.getBean(ForegroundWork.class).begin()) {
					orphan = importEpisode(b, "orphan", "Zorblax again");
					jdbc.sql("insert into work_claim (kind, episode_id, done_revision, owner, lease_until) "
							+ "values ('topic', ?, -1, 'crashed', ?)")
						.params(orphan, java.time.OffsetDateTime.now().minusMinutes(1))
						.update();
				}
				await(() -> mentions(jdbc, orphan, "zorblax") > 0 && outstanding(jdbc) == 0);
				a.getBean(TopicWorker.class).awaitIdle(WAIT);
				b.getBean(TopicWorker.class).awaitIdle(WAIT);
				assertThat(this.stored.get(orphan)).as("analyses of the orphaned episode").hasValue(1);
			}
			finally {
				if (TestDatabase.isPostgres()) {
					TestDatabase.dropSchema(a.getBean(DataSource.class), schema);
				}
			}
		}
	}

	private long importEpisode(ConfigurableApplicationContext context, String title, String text) throws Exception {
		HttpResponse<String> created = send(context, HttpRequest.newBuilder(uri(context, "/api/episodes"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"title":"%s","segments":[{"startMs":0,"endMs":5000,"text":"%s"}]}""".formatted(title, text))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("id").asLong();
	}

	private static long outstanding(JdbcClient jdbc) {
		return jdbc
			.sql("select count(*) from event_publication where listener_id like '%TopicEvents%' "
					+ "and completion_date is null")
			.query(Long.class)
			.single();
	}

	/** Mentions of the episode, of one topic unless {@code topic} is null. */
	private static long mentions(JdbcClient jdbc, long episode, @Nullable String topic) {
		if (topic == null) {
			return jdbc.sql("select count(*) from mention where episode_id = ?")
				.param(episode)
				.query(Long.class)
				.single();
		}
		return jdbc.sql("select count(*) from mention where episode_id = ? and topic_id = ?")
			.params(episode, topic)
			.query(Long.class)
			.single();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(condition.getAsBoolean()).as("condition within " + WAIT).isTrue();
	}

	private HttpResponse<String> send(ConfigurableApplicationContext context, HttpRequest.Builder request)
			throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
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

	private ConfigurableApplicationContext start(Map<String, Object> database, String name) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("podlens.data-dir", this.temp.resolve(name).toString());
		properties.put("server.port", "0");
		// Only the test resubmits publications.
		properties.put("podlens.events.retry-every", "1h");
		properties.put("podlens.embedding.enabled", "false");
		properties.put("podlens.work.check-every", "200ms");
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		// A class, not a lambda: the listener's event type must be resolvable.
		return new SpringApplicationBuilder(PodlensApplication.class)
			.listeners(new ApplicationListener<PayloadApplicationEvent<MentionsStored>>() {

				@Override
				public void onApplicationEvent(PayloadApplicationEvent<MentionsStored> event) {
					event.getPayload()
						.episodeIds()
						.forEach((id) -> SharedWorkTests.this.stored.computeIfAbsent(id, (k) -> new AtomicInteger())
							.incrementAndGet());
				}

			})
			.run(args.toArray(String[]::new));
	}

}
