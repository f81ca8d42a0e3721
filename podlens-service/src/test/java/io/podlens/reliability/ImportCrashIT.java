package io.podlens.reliability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety of the real jar: concurrent imports (and a few deletes) while the process
 * is killed with SIGKILL at random moments, several times; after the last restart every
 * acknowledged episode must be stored completely and searchable, every acknowledged
 * delete must be gone, and the index must hold exactly the segments of the database.
 * Requests cut off by a kill may have happened or not, but never half.
 */
class ImportCrashIT {

	private static final long SEED = 20240601L;

	private static final int KILLS = 4;

	private static final int IMPORTERS = 3;

	/**
	 * Letters the English analysis never strips or folds, so every marker stays one term.
	 */
	private static final String MARKER_LETTERS = "bcfghjklmnpqrtvwxz";

	private final JsonMapper json = JsonMapper.builder().build();

	/** Acknowledged (201) imports by marker. */
	private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();

	/** Acknowledged (204) deletes. */
	private final List<Ack> deleted = new CopyOnWriteArrayList<>();

	/** Answers that are neither 201, 204 nor a connection cut by the kill. */
	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final AtomicInteger counter = new AtomicInteger();

	private final AtomicInteger cutOff = new AtomicInteger();

	@Test
	void acknowledgedImportsSurviveSigkillOnH2() throws Exception {
		run("h2", List.of());
	}

	@Test
	void acknowledgedImportsSurviveSigkillOnPostgres() throws Exception {
		String url = System.getProperty("podlens.test.postgres.url", "");
		Assumptions.assumeTrue(!url.isBlank() && !url.startsWith("${"),
				"no PostgreSQL test database (podlens.test.postgres.url)");
		String user = System.getProperty("podlens.test.postgres.username", "postgres");
		String password = System.getProperty("podlens.test.postgres.password", "");
		String schema = TestDatabase.newSchema();
		try {
			run("postgres",
					List.of("--spring.profiles.active=postgres",
							"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema="
									+ schema,
							"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
							"--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema));
		}
		finally {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists " + schema + " cascade");
			}
		}
	}

	private void run(String name, List<String> args) throws Exception {
		Path jar = JarProcess.jar();
		Path dir = Files.createDirectories(Path.of("target", "crash-it"));
		Path dataDir = Files.createTempDirectory(dir, name + "-data-").toAbsolutePath();
		Path log = dir.resolve(dataDir.getFileName() + ".log").toAbsolutePath();
		Random random = new Random(SEED);
		for (int round = 1; round <= KILLS; round++) {
			JarProcess service = JarProcess.start(jar, dataDir, log, "512m", args);
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> importers = new ArrayList<>();
			for (int t = 0; t < IMPORTERS; t++) {
				Random own = new Random(SEED * 31 + round * 7 + t);
				boolean deletes = t == 0;
				Thread importer = new Thread(() -> importUntil(service, stop, own, deletes), "importer-" + t);
				importer.start();
				importers.add(importer);
			}
			long killAfterMs = 2000 + random.nextInt(6000);
			Thread.sleep(killAfterMs);
			service.kill();
			stop.set(true);
			for (Thread importer : importers) {
				importer.join();
			}
			System.out.printf("[crash-it %s] round %d: SIGKILL after %d ms; %d acknowledged, %d deleted so far%n", name,
					round, killAfterMs, this.acknowledged.size(), this.deleted.size());
		}
		try (JarProcess service = JarProcess.start(jar, dataDir, log, "512m", args)) {
			assertThat(this.failures).as("unexpected answers during the imports").isEmpty();
			assertThat(this.acknowledged).as("the test acknowledged nothing before the kills").hasSizeGreaterThan(20);
			verify(service);
		}
		System.out.printf(
				"[crash-it %s] %d kills, %d episodes acknowledged, %d deletes acknowledged, "
						+ "%d requests cut off by a kill: all consistent%n",
				name, KILLS, this.acknowledged.size(), this.deleted.size(), this.cutOff.get());
	}

	private void importUntil(JarProcess service, AtomicBoolean stop, Random random, boolean deletes) {
		List<Ack> mine = new ArrayList<>();
		while (!stop.get()) {
			int n = this.counter.incrementAndGet();
			String marker = marker(n);
			int segments = 5 + random.nextInt(46);
			try {
				HttpResponse<String> response = service.postJson("/api/episodes", episodeJson(n, marker, segments));
				if (response.statusCode() == 201) {
					Ack ack = new Ack(this.json.readTree(response.body()).get("id").asLong(), "crash-" + n, marker,
							segments);
					this.acknowledged.put(marker, ack);
					mine.add(ack);
				}
				else {
					this.failures.add("import " + n + ": " + response.statusCode() + " " + response.body());
				}
				if (deletes && n % 5 == 0 && !mine.isEmpty()) {
					Ack victim = mine.remove(random.nextInt(mine.size()));
					this.acknowledged.remove(victim.marker());
					// Until the answer arrives the delete may or may not happen.
					HttpResponse<String> gone = service.delete("/api/episodes/" + victim.id());
					if (gone.statusCode() == 204) {
						this.deleted.add(victim);
					}
					else {
						this.failures.add("delete " + victim.id() + ": " + gone.statusCode() + " " + gone.body());
					}
				}
			}
			catch (IOException ex) {
				// The connection died with the process: the outcome is unknown.
				this.cutOff.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void verify(JarProcess service) throws Exception {
		List<JsonNode> episodes = allEpisodes(service);
		long totalSegments = 0;
		Map<String, JsonNode> byExternalId = new ConcurrentHashMap<>();
		for (JsonNode episode : episodes) {
			long id = episode.get("id").asLong();
			String externalId = episode.get("externalId").asString();
			int segmentCount = episode.get("segmentCount").asInt();
			totalSegments += segmentCount;
			byExternalId.put(externalId, episode);
			// Complete in the database: every segment it announces is there.
			JsonNode segments = getJson(service, "/api/episodes/" + id + "/segments");
			assertThat(segments.size()).as("segments of episode %d (%s)", id, externalId).isEqualTo(segmentCount);
			// Complete in the index: its marker finds exactly its segments.
			String marker = marker(Integer.parseInt(externalId.substring("crash-".length())));
			JsonNode result = getJson(service, "/api/search?mode=keyword&size=100&q=" + marker);
			assertThat(result.get("total").asLong())
				.as("search hits for episode %d (%s, marker %s)", id, externalId, marker)
				.isEqualTo(segmentCount);
			for (JsonNode hit : result.get("hits")) {
				assertThat(hit.get("episodeId").asLong()).isEqualTo(id);
			}
		}
		for (Ack ack : this.acknowledged.values()) {
			JsonNode stored = byExternalId.get(ack.externalId());
			assertThat(stored).as("acknowledged episode %d (%s)", ack.id(), ack.externalId()).isNotNull();
			assertThat(stored.get("id").asLong()).isEqualTo(ack.id());
			assertThat(stored.get("segmentCount").asInt()).isEqualTo(ack.segments());
		}
		for (Ack gone : this.deleted) {
			assertThat(byExternalId).as("deleted episode %d", gone.id()).doesNotContainKey(gone.externalId());
			assertThat(service.get("/api/episodes/" + gone.id()).statusCode()).isEqualTo(404);
			assertThat(getJson(service, "/api/search?mode=keyword&q=" + gone.marker()).get("total").asLong()).isZero();
		}
		JsonNode index = getJson(service, "/api/admin/index");
		assertThat(index.get("documents").asLong()).as("index documents vs. segments in the database")
			.isEqualTo(totalSegments);
		System.out.printf("[crash-it] %d episodes and %d segments stored; index holds %d documents%n", episodes.size(),
				totalSegments, index.get("documents").asLong());
	}

	private List<JsonNode> allEpisodes(JarProcess service) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode items = getJson(service, "/api/episodes?size=100&page=" + page).get("items");
			items.forEach(all::add);
			if (items.size() < 100) {
				return Collections.unmodifiableList(all);
			}
		}
	}

	private JsonNode getJson(JarProcess service, String path) throws Exception {
		HttpResponse<String> response = service.get(path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static String episodeJson(int n, String marker, int segments) {
		return KillTestEpisodes.json("Crash test", "crash-", " talks about ", " and multimodal models", n, marker,
				segments);
	}

	/** A word unique to import {@code n}. */
	static String marker(int n) {
		StringBuilder word = new StringBuilder();
		int rest = n;
		do {
			word.append(MARKER_LETTERS.charAt(rest % MARKER_LETTERS.length()));
			rest /= MARKER_LETTERS.length();
		}
		while (rest > 0);
		return "zqv" + word;
	}

	private record Ack(long id, String externalId, String marker, int segments) {
	}

}
