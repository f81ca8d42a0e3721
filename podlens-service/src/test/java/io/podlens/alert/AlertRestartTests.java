package io.podlens.alert;

import java.net.ServerSocket;
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

import javax.sql.DataSource;

import io.podlens.PodlensApplication;
import io.podlens.TestDatabase;
import io.podlens.bulkimport.ForegroundWork;
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
 * A restart loses no delivery: the first instance fails one delivery (its receiver is
 * down) and stops before it matched a second episode (topic extraction held back); the
 * second instance, on the same database, delivers the first with the same delivery id and
 * the attempt of the first instance on record, and matches and delivers the second.
 */
@Tag("integration")
class AlertRestartTests {

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final String SECRET = "whsec_restart_0123456789";

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void pendingDeliveriesAndMatchingSurviveARestart() throws Exception {
		String schema = TestDatabase.newSchema();
		Map<String, Object> database = database(schema);
		Path dataDir = this.temp.resolve("data");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		String url = "http://127.0.0.1:" + port + "/hook";
		long alert;
		long first;
		long second;
		String deliveryId;
		ConfigurableApplicationContext one = start(database, dataDir);
		try {
			alert = post(one, "/api/alerts", """
					{"name":"Dirigibles","query":"dirigible","webhookUrl":"%s","secret":"%s"}""".formatted(url, SECRET))
				.get("id")
				.asLong();
			first = importEpisode(one, "a dirigible in the first instance");
			JdbcClient jdbc = JdbcClient.create(one.getBean(DataSource.class));
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (attempts(jdbc, alert) == 0 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(attempts(jdbc, alert)).as("the first attempt failed: nobody listens").isEqualTo(1);
			deliveryId = jdbc.sql("select delivery_id from alert_delivery where alert_id = ?")
				.param(alert)
				.query(String.class)
				.single();
			// Held until the instance has stopped: the second episode is stored, its
			// extraction (and so its matching) never runs here.
			ForegroundWork.Running bulkImport = one.getBean(ForegroundWork.class).begin();
			try {
				second = importEpisode(one, "another dirigible, stored before the stop");
				assertThat(deliveries(jdbc, alert)).isEqualTo(1);
			}
			finally {
				one.close();
				bulkImport.close();
			}
		}
		finally {
			one.close();
		}

		try (WebhookReceiver receiver = new WebhookReceiver(port);
				ConfigurableApplicationContext two = start(database, dataDir)) {
			try {
				List<WebhookReceiver.Received> received = receiver.await("/hook", 2, WAIT);
				assertThat(received).hasSize(2);
				Map<Long, WebhookReceiver.Received> byEpisode = new HashMap<>();
				for (WebhookReceiver.Received event : received) {
					assertThat(event.signedWith(SECRET)).isTrue();
					byEpisode.put(this.json.readTree(event.body()).get("episode").get("id").asLong(), event);
				}
				assertThat(byEpisode).containsOnlyKeys(first, second);
				assertThat(byEpisode.get(first).header("X-Podlens-Delivery")).isEqualTo(deliveryId);
				JsonNode page = awaitDelivered(two, alert, 2);
				for (JsonNode delivery : page.get("items")) {
					JsonNode attempts = delivery.get("attempts");
					int last = attempts.size() - 1;
					assertThat(attempts.get(last).get("outcome").asString()).isEqualTo("delivered");
					if (delivery.get("episodeId").asLong() == first) {
						// The first instance's failures (one or more, 1 s apart) are on
						// record.
						assertThat(last).as(delivery.toString()).isPositive();
						for (int i = 0; i < last; i++) {
							assertThat(attempts.get(i).get("error").asString()).isEqualTo("connection refused");
						}
					}
					else {
						assertThat(last).as(delivery.toString()).isZero();
					}
				}
			}
			finally {
				if (TestDatabase.isPostgres()) {
					TestDatabase.dropSchema(two.getBean(DataSource.class), schema);
				}
			}
		}
	}

	private JsonNode awaitDelivered(ConfigurableApplicationContext context, long alert, int count) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonNode page;
		do {
			page = get(context, "/api/alerts/" + alert + "/deliveries?status=delivered");
			if (page.get("total").asLong() >= count) {
				return page;
			}
			Thread.sleep(50);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("not delivered: " + page);
	}

	private static long attempts(JdbcClient jdbc, long alert) {
		return jdbc
			.sql("select count(*) from alert_attempt a join alert_delivery d on d.id = a.delivery_row"
					+ " where d.alert_id = ?")
			.param(alert)
			.query(Long.class)
			.single();
	}

	private static long deliveries(JdbcClient jdbc, long alert) {
		return jdbc.sql("select count(*) from alert_delivery where alert_id = ?")
			.param(alert)
			.query(Long.class)
			.single();
	}

	private long importEpisode(ConfigurableApplicationContext context, String text) throws Exception {
		return post(context, "/api/episodes", """
				{"title":"%s","segments":[{"startMs":0,"endMs":5000,"text":"%s"}]}""".formatted(text, text)).get("id")
			.asLong();
	}

	private JsonNode post(ConfigurableApplicationContext context, String path, String body) throws Exception {
		HttpResponse<String> response = this.http.send(request(context, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body());
	}

	private JsonNode get(ConfigurableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = this.http.send(request(context, path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
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

	private static ConfigurableApplicationContext start(Map<String, Object> database, Path dataDir) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("podlens.data-dir", dataDir.toString());
		properties.put("server.port", "0");
		properties.put("podlens.alerts.allow-private-targets", "true");
		properties.put("podlens.alerts.retry-initial-delay", "1s");
		properties.put("podlens.alerts.poll-every", "200ms");
		properties.put("podlens.alerts.connect-timeout", "2s");
		// No periodic retry of publications: only the restart may finish the matching.
		properties.put("podlens.events.retry-every", "1h");
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(PodlensApplication.class).run(args.toArray(String[]::new));
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

}
