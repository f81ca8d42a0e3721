package io.podlens.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Podlens scaled out, proved end to end: two real service jars on one PostgreSQL schema
 * and one SolrCloud collection of 2 shards × 2 replicas on the 2-node test cluster of
 * {@code scripts/solr-test-cluster.sh} ({@code -Dpodlens.solr.endpoints=}; its control
 * address stops and starts single nodes).
 * <ol>
 * <li>What is imported (and deleted) through instance A is found (and gone) through
 * B.</li>
 * <li>A Solr node stopped while both instances import: every acknowledged episode is
 * stored and, once the node is back, searchable; every replica of the restarted node
 * holds its shard's documents; no document of a deleted episode is left.</li>
 * <li>A is killed with SIGKILL during a bulk import: B takes the job over after the lease
 * and finishes it; every line is stored once.</li>
 * <li>The whole collection unwritable (both nodes stopped): an import is stored and
 * answered 201, a search answers 503 problem+json; once Solr is back the index catches
 * up.</li>
 * </ol>
 * After each step the segments in PostgreSQL equal the documents in Solr. The recovery
 * times (node back → drained, A killed → job finished through B) are printed.
 * <p>
 * Needs PostgreSQL ({@code podlens.test.postgres.url}) and the Solr cluster; skips
 * without them, fails instead with {@code -Dpodlens.solr.required=true} and a PostgreSQL
 * given (CI).
 */
class ScaleOutIT {

	/** Letters the English analysis never strips or folds: each marker is one term. */
	private static final String MARKER_LETTERS = "bcfghjklmnpqrtvwxz";

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * Two jars starting together on a 2-core machine under other builds' load took 6
	 * minutes here, beyond the crash test's 3.
	 */
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final AtomicInteger counter = new AtomicInteger();

	/** Acknowledged (201) imports by marker, minus the acknowledged deletes. */
	private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();

	private final List<Ack> deleted = new CopyOnWriteArrayList<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private List<String> solr;

	private String control;

	private String url;

	private String user;

	private String password;

	private String schema;

	private String alias;

	private JarProcess a;

	private JarProcess b;

	@BeforeEach
	void cluster() throws Exception {
		String endpoints = System.getProperty("podlens.solr.endpoints", "");
		this.url = System.getProperty("podlens.test.postgres.url", "");
		boolean postgres = !this.url.isBlank() && !this.url.startsWith("${");
		boolean solrGiven = !endpoints.isBlank() && !endpoints.startsWith("${")
				&& Files.isRegularFile(Path.of(endpoints));
		if (Boolean.getBoolean("podlens.solr.required") && postgres && !solrGiven) {
			throw new IllegalStateException("podlens.solr.required=true but the Solr endpoints file '" + endpoints
					+ "' does not exist: start scripts/solr-test-cluster.sh first");
		}
		Assumptions.assumeTrue(postgres, "no PostgreSQL test database (podlens.test.postgres.url)");
		Assumptions.assumeTrue(solrGiven,
				"no Solr test cluster (-Dpodlens.solr.endpoints=target/solr-test-cluster/endpoints.json)");
		JsonNode cluster = this.json.readTree(Files.readString(Path.of(endpoints)));
		this.solr = new ArrayList<>();
		cluster.path("solr").forEach((node) -> this.solr.add(node.asString()));
		this.control = cluster.path("control").asString("");
		assertThat(this.solr).as("Solr nodes in %s", endpoints).hasSize(2);
		assertThat(this.control).as("control address in %s", endpoints).isNotBlank();
		this.user = System.getProperty("podlens.test.postgres.username", "postgres");
		this.password = System.getProperty("podlens.test.postgres.password", "");
		this.schema = TestDatabase.newSchema();
		this.alias = "scaleout" + UUID.randomUUID().toString().substring(0, 8);
		Path dir = Files.createDirectories(Path.of("target", "scaleout-it")).toAbsolutePath();
		Path jar = JarProcess.jar();
		long started = System.nanoTime();
		// Both at once, as a deployment starts them: the first to get there creates the
		// collection, the other waits for it.
		CompletableFuture<JarProcess> first = CompletableFuture.supplyAsync(() -> {
			try {
				return JarProcess.start(jar, Files.createTempDirectory(dir, "a-"), dir.resolve(this.alias + "-a.log"),
						"384m", args("500ms"), READY_TIMEOUT);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			// B looks for jobs less often, so that A (which wakes up at once for a job it
			// accepted) runs the bulk import that the test kills it in.
			this.b = JarProcess.start(jar, Files.createTempDirectory(dir, "b-"), dir.resolve(this.alias + "-b.log"),
					"384m", args("3s"), READY_TIMEOUT);
		}
		finally {
			this.a = first.join();
		}
		System.out.printf("[scale-out-it] two instances started together, both ready in %d ms (collection %s)%n",
				(System.nanoTime() - started) / 1_000_000, this.alias);
	}

	private List<String> args(String jobPollInterval) {
		return List.of("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema="
						+ this.schema,
				"--spring.datasource.username=" + this.user, "--spring.datasource.password=" + this.password,
				"--spring.datasource.hikari.maximum-pool-size=5", "--spring.flyway.default-schema=" + this.schema,
				"--spring.flyway.schemas=" + this.schema, "--podlens.search.backend=solr",
				"--podlens.search.solr.urls=" + String.join(",", this.solr),
				"--podlens.search.solr.collection=" + this.alias, "--podlens.search.solr.request-timeout=30s",
				"--podlens.embedding.enabled=false",
				// short retries and leases, so that recovery is measured in seconds
				"--podlens.events.retry-after=3s", "--podlens.events.retry-every=2s", "--podlens.import.lease=6s",
				"--podlens.import.poll-interval=" + jobPollInterval, "--podlens.import.batch-episodes=40",
				"--podlens.work.lease=20s");
	}

	@AfterEach
	void tearDown() throws Exception {
		if (this.solr == null) {
			return;
		}
		try {
			for (int node = 0; node < this.solr.size(); node++) {
				node(node, "start");
			}
		}
		finally {
			if (this.a != null) {
				this.a.close();
			}
			if (this.b != null) {
				this.b.close();
			}
			try {
				solrGet(this.solr.get(0), "admin/collections?action=DELETEALIAS&name=" + this.alias);
				JsonNode collections = solrGet(this.solr.get(0), "admin/collections?action=CLUSTERSTATUS")
					.path("cluster")
					.path("collections");
				for (String name : collections.propertyNames()) {
					if (name.startsWith(this.alias + "_")) {
						solrGet(this.solr.get(0), "admin/collections?action=DELETE&name=" + name);
					}
				}
			}
			finally {
				try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
						Statement statement = connection.createStatement()) {
					statement.execute("drop schema if exists " + this.schema + " cascade");
				}
			}
		}
	}

	@Test
	void twoInstancesShareTheDatabaseAndTheCollectionThroughNodeLossAndCrashes() throws Exception {
		importsThroughAAreFoundThroughB();
		nodeStoppedDuringImportsLosesNothing();
		instanceKilledDuringBulkImportIsFinishedByTheOther();
		wholeCollectionUnwritable();
	}

	private void importsThroughAAreFoundThroughB() throws Exception {
		List<Ack> mine = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			mine.add(importOne(this.a, 8 + i));
		}
		for (Ack ack : mine) {
			assertThat(hits(this.b, ack.marker())).as("episode %d imported through A, searched through B", ack.id())
				.isEqualTo(ack.segments());
		}
		Ack victim = mine.get(0);
		assertThat(this.b.delete("/api/episodes/" + victim.id()).statusCode()).isEqualTo(204);
		this.acknowledged.remove(victim.marker());
		this.deleted.add(victim);
		assertThat(hits(this.a, victim.marker())).as("deleted through B, searched through A").isZero();
		assertConsistent("after imports through A");
	}

	private void nodeStoppedDuringImportsLosesNothing() throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> importers = List.of(new Thread(() -> importUntil(this.a, stop, true), "importer-a"),
				new Thread(() -> importUntil(this.b, stop, false), "importer-b"));
		importers.forEach(Thread::start);
		Thread.sleep(3000);
		int before = this.acknowledged.size();
		node(1, "stop");
		long stoppedAt = System.nanoTime();
		Thread.sleep(10_000);
		stop.set(true);
		for (Thread importer : importers) {
			importer.join();
		}
		int during = this.acknowledged.size() - before;
		long awayMs = (System.nanoTime() - stoppedAt) / 1_000_000;
		node(1, "start");
		long backAt = System.nanoTime();
		assertThat(this.failures).as("answers other than 201 and 204 while a node was away").isEmpty();
		assertThat(during).as("imports acknowledged while the node was away").isPositive();
		long drainedMs = awaitDrained("node 1 back");
		assertReplicasInStep();
		long inStepMs = (System.nanoTime() - backAt) / 1_000_000;
		System.out.printf(
				"[scale-out-it] Solr node 1 away for %d ms during imports through A and B (%d episodes acknowledged "
						+ "meanwhile, %d in all): index publications drained and collection complete %d ms after "
						+ "the node was started, all 4 replicas active and equal after %d ms%n",
				awayMs, during, this.acknowledged.size(), drainedMs, inStepMs);
		assertEverythingSearchable(this.b);
	}

	private void instanceKilledDuringBulkImportIsFinishedByTheOther() throws Exception {
		int lines = 600;
		int segments = 20;
		StringBuilder ndjson = new StringBuilder();
		List<String> markers = new ArrayList<>();
		for (int i = 0; i < lines; i++) {
			int n = this.counter.incrementAndGet();
			markers.add(marker(n));
			ndjson.append(episodeJson(n, marker(n), segments)).append('\n');
		}
		HttpResponse<String> accepted = this.http
			.send(HttpRequest.newBuilder(URI.create(this.a.base() + "/api/imports"))
				.timeout(Duration.ofSeconds(120))
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as("bulk import: %s", accepted.body()).isEqualTo(202);
		String job = this.json.readTree(accepted.body()).get("id").asString();
		// Kill A once some batches are stored and most are not.
		JsonNode progress = awaitJson(this.b, "/api/imports/" + job, (view) -> view.path("done").asLong() >= 40,
				Duration.ofMinutes(2));
		assertThat(progress.path("status").asString()).as("job state when A is killed: %s", progress)
			.isEqualTo("running");
		String owner = owner(job);
		this.a.kill();
		long killedAt = System.nanoTime();
		long takenOverMs = -1;
		while (takenOverMs < 0 && System.nanoTime() - killedAt < Duration.ofMinutes(2).toNanos()) {
			String now = owner(job);
			if (now != null && !now.equals(owner)) {
				takenOverMs = (System.nanoTime() - killedAt) / 1_000_000;
			}
			else if (now == null) {
				break;
			}
			Thread.sleep(50);
		}
		assertThat(takenOverMs).as("B claimed the job A held").isPositive();
		JsonNode finished = awaitJson(this.b, "/api/imports/" + job,
				(view) -> !"running".equals(view.path("status").asString()), Duration.ofMinutes(4));
		long finishedMs = (System.nanoTime() - killedAt) / 1_000_000;
		assertThat(finished.path("status").asString()).as("job after A was killed: %s", finished).isEqualTo("done");
		assertThat(finished.path("done").asLong()).isEqualTo(lines);
		assertThat(finished.path("failed").asLong()).isZero();
		long drainedMs = awaitDrained("bulk import finished through B");
		System.out.printf(
				"[scale-out-it] A killed with SIGKILL after %d of %d lines: B claimed the job %d ms after the "
						+ "kill (lease 6 s) and finished it %d ms after the kill; index drained %d ms after that%n",
				progress.path("done").asLong(), lines, takenOverMs, finishedMs, drainedMs);
		assertThat(countRows("select count(*) from episode where external_id like 'scale-%'"))
			.as("episodes stored once each")
			.isEqualTo(this.acknowledged.size() + lines);
		for (int i = 0; i < markers.size(); i += 37) {
			assertThat(hits(this.b, markers.get(i))).as("bulk line %d", i + 1).isEqualTo(segments);
		}
		assertConsistent("after the bulk import");
	}

	private void wholeCollectionUnwritable() throws Exception {
		node(0, "stop");
		node(1, "stop");
		Ack ack;
		HttpResponse<String> search;
		Ack victim = this.acknowledged.values().iterator().next();
		int deleteStatus;
		try {
			ack = importOne(this.b, 12);
			search = this.b.get("/api/search?mode=keyword&q=" + ack.marker());
			deleteStatus = this.b.delete("/api/episodes/" + victim.id()).statusCode();
		}
		finally {
			node(0, "start");
			node(1, "start");
		}
		long backAt = System.nanoTime();
		assertThat(search.statusCode()).as("search with no Solr node: %s", search.body()).isEqualTo(503);
		assertThat(search.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(search.headers().firstValue("Retry-After")).isPresent();
		assertThat(deleteStatus).as("delete with no Solr node").isEqualTo(204);
		this.acknowledged.remove(victim.marker());
		this.deleted.add(victim);
		awaitDrained("both nodes back");
		System.out.printf(
				"[scale-out-it] both Solr nodes away: import answered 201, search 503, delete 204; drained %d ms after "
						+ "the nodes were back%n",
				(System.nanoTime() - backAt) / 1_000_000);
		assertThat(hits(this.b, ack.marker())).isEqualTo(ack.segments());
		assertConsistent("after the collection was away");
	}

	// ---------------------------------------------------------------- checks

	/**
	 * Waits until every index publication is complete and the collection holds as many
	 * documents as PostgreSQL segments; the milliseconds it took.
	 */
	private long awaitDrained(String what) throws Exception {
		long started = System.nanoTime();
		long deadline = started + DRAIN_TIMEOUT.toNanos();
		while (true) {
			long pending = -1;
			long segments = -1;
			long documents = -1;
			try {
				pending = countRows(
						"select count(*) from event_publication where completion_date is null and listener_id like '%IndexEvents%'");
				segments = countRows("select count(*) from segment");
				documents = documents();
				if (pending == 0 && segments == documents) {
					return (System.nanoTime() - started) / 1_000_000;
				}
			}
			catch (IOException | IllegalStateException ex) {
				// Solr still coming up
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(what + ": not drained after " + DRAIN_TIMEOUT + " (" + pending
						+ " index publications pending, " + segments + " segments, " + documents + " documents)");
			}
			Thread.sleep(250);
		}
	}

	private void assertConsistent(String when) throws Exception {
		awaitDrained(when);
		assertThat(documents()).as("Solr documents vs. PostgreSQL segments %s", when)
			.isEqualTo(countRows("select count(*) from segment"));
		for (Ack gone : this.deleted) {
			assertThat(hits(this.b, gone.marker())).as("deleted episode %d %s", gone.id(), when).isZero();
		}
	}

	private void assertEverythingSearchable(JarProcess through) throws Exception {
		for (Ack ack : this.acknowledged.values()) {
			assertThat(hits(through, ack.marker())).as("acknowledged episode %d (%s)", ack.id(), ack.marker())
				.isEqualTo(ack.segments());
		}
		for (Ack gone : this.deleted) {
			assertThat(hits(through, gone.marker())).as("deleted episode %d", gone.id()).isZero();
		}
	}

	/**
	 * Every replica of every shard, asked alone, holds as many documents as its shard's
	 * leader: the replicas of the restarted node caught up.
	 */
	private void assertReplicasInStep() throws Exception {
		String collection = collection();
		long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		while (true) {
			JsonNode shards = solrGet(this.solr.get(0),
					"admin/collections?action=CLUSTERSTATUS&collection=" + collection)
				.path("cluster")
				.path("collections")
				.path(collection)
				.path("shards");
			List<String> differences = new ArrayList<>();
			int replicas = 0;
			for (String shard : shards.propertyNames()) {
				Long expected = null;
				for (JsonNode replica : shards.path(shard).path("replicas")) {
					replicas++;
					if (!"active".equals(replica.path("state").asString())) {
						differences.add(shard + ": " + replica.path("core").asString() + " is "
								+ replica.path("state").asString());
						continue;
					}
					long count = solrGet(replica.path("base_url").asString(),
							replica.path("core").asString() + "/select?q=*:*&rows=0&distrib=false")
						.path("response")
						.path("numFound")
						.asLong();
					if (expected == null) {
						expected = count;
					}
					else if (expected != count) {
						differences.add(shard + ": " + expected + " vs. " + count + " documents");
					}
				}
			}
			if (differences.isEmpty() && replicas == 4) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("replicas not in step: " + differences + " (" + replicas + " replicas)");
			}
			Thread.sleep(500);
		}
	}

	// ---------------------------------------------------------------- imports

	private void importUntil(JarProcess service, AtomicBoolean stop, boolean deletes) {
		List<Ack> mine = new ArrayList<>();
		while (!stop.get()) {
			try {
				Ack ack = importOne(service, 5 + this.counter.get() % 20);
				mine.add(ack);
				if (deletes && mine.size() % 4 == 0) {
					Ack victim = mine.remove(0);
					HttpResponse<String> gone = service.delete("/api/episodes/" + victim.id());
					if (gone.statusCode() == 204) {
						this.acknowledged.remove(victim.marker());
						this.deleted.add(victim);
					}
					else {
						this.failures.add("delete " + victim.id() + ": " + gone.statusCode() + " " + gone.body());
					}
				}
			}
			catch (AssertionError ex) {
				this.failures.add(ex.getMessage());
			}
			catch (IOException ex) {
				this.failures.add("connection: " + ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Ack importOne(JarProcess service, int segments) throws IOException, InterruptedException {
		int n = this.counter.incrementAndGet();
		String marker = marker(n);
		HttpResponse<String> response = service.postJson("/api/episodes", episodeJson(n, marker, segments));
		if (response.statusCode() != 201) {
			throw new AssertionError("import " + n + ": " + response.statusCode() + " " + response.body());
		}
		Ack ack = new Ack(this.json.readTree(response.body()).get("id").asLong(), marker, segments);
		this.acknowledged.put(marker, ack);
		return ack;
	}

	private static String episodeJson(int n, String marker, int segments) {
		return KillTestEpisodes.json("Scale-out test", "scale-", " is about ", " and shared indexes", n, marker,
				segments);
	}

	/** A word unique to import {@code n}. */
	private static String marker(int n) {
		StringBuilder word = new StringBuilder();
		int rest = n;
		do {
			word.append(MARKER_LETTERS.charAt(rest % MARKER_LETTERS.length()));
			rest /= MARKER_LETTERS.length();
		}
		while (rest > 0);
		return "zqs" + word;
	}

	// ---------------------------------------------------------------- helpers

	private long hits(JarProcess service, String marker) throws Exception {
		HttpResponse<String> response = service.get("/api/search?mode=keyword&size=1&q=" + marker);
		assertThat(response.statusCode()).as("search %s: %s", marker, response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).get("total").asLong();
	}

	private JsonNode awaitJson(JarProcess service, String path, Predicate<JsonNode> done, Duration timeout)
			throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			HttpResponse<String> response = service.get(path);
			assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
			JsonNode view = this.json.readTree(response.body());
			if (done.test(view)) {
				return view;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("GET " + path + " still " + view + " after " + timeout);
			}
			Thread.sleep(100);
		}
	}

	private String owner(String job) throws Exception {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("set search_path to " + this.schema);
			try (ResultSet rows = statement.executeQuery("select owner from import_job where id = '" + job + "'")) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	private long countRows(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("set search_path to " + this.schema);
			try (ResultSet rows = statement.executeQuery(sql)) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** Documents of the collection behind the alias, asked of the nodes in turn. */
	private long documents() throws IOException, InterruptedException {
		IOException last = null;
		for (String node : this.solr) {
			try {
				JsonNode answer = solrGet(node, this.alias + "/select?q=*:*&rows=0");
				if (answer.has("response")) {
					return answer.path("response").path("numFound").asLong();
				}
			}
			catch (IOException ex) {
				last = ex;
			}
		}
		if (last != null) {
			throw last;
		}
		throw new IllegalStateException("no node counted the documents");
	}

	private String collection() throws IOException, InterruptedException {
		JsonNode aliases = solrGet(this.solr.get(0), "admin/collections?action=LISTALIASES").path("aliases");
		return aliases.path(this.alias).asString();
	}

	private JsonNode solrGet(String node, String pathAndQuery) throws IOException, InterruptedException {
		String url = node + "/" + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "wt=json";
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

	/**
	 * Stops or starts Solr node {@code node} through the test cluster's control address.
	 */
	private void node(int node, String action) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.control + "/nodes/" + node + "/" + action))
				.timeout(Duration.ofSeconds(120))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s node %d: %s", action, node, response.body()).isEqualTo(200);
		System.out.printf("[scale-out-it] Solr node %d %s: %s", node, action, response.body());
	}

	private record Ack(long id, String marker, int segments) {
	}

}
