package io.podlens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service jar as a child process on a free port, and HTTP calls to it. */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final String base;

	private final HttpClient http;

	private final JsonMapper json;

	private final Path dataDir;

	/** Seconds from launching the JVM until health said UP. */
	private final double startupSeconds;

	private ServiceProcess(Process process, String base, HttpClient http, JsonMapper json, Path dataDir,
			double startupSeconds) {
		this.process = process;
		this.dataDir = dataDir;
		this.base = base;
		this.http = http;
		this.json = json;
		this.startupSeconds = startupSeconds;
	}

	static ServiceProcess start(Path jar, Path dataDir, Path log, JsonMapper json) throws Exception {
		return start(jar, dataDir, log, json, List.of());
	}

	/** Starts the service with extra Spring arguments ({@code --name=value}). */
	static ServiceProcess start(Path jar, Path dataDir, Path log, JsonMapper json, List<String> arguments)
			throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		long started = System.nanoTime();
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g"));
		// Extra JVM options for the service, e.g. a flight recording while profiling.
		String extra = System.getenv("BENCH_SERVICE_OPTS");
		if (extra != null && !extra.isBlank()) {
			command.addAll(List.of(extra.trim().split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--podlens.data-dir=" + dataDir,
				"--logging.level.root=WARN", "--logging.level.io.podlens=INFO"));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		// The driver stopped by a signal (bench.sh's trap, Ctrl-C) takes the service
		// along.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String base = "http://127.0.0.1:" + port;
		// Creating a Solr collection on a loaded machine took minutes.
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					break;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("the service did not come up; see " + log);
			}
			Thread.sleep(100);
		}
		return new ServiceProcess(process, base, http, json, dataDir, (System.nanoTime() - started) / 1e9);
	}

	double startupSeconds() {
		return this.startupSeconds;
	}

	Path dataDir() {
		return this.dataDir;
	}

	long pid() {
		return this.process.pid();
	}

	HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = get(pathAndQuery);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	JsonNode post(String path, HttpRequest.BodyPublisher body, String contentType)
			throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofMinutes(30))
			.header("Content-Type", contentType)
			.POST(body)
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	/**
	 * GET /api/search with the given parameters; fails unless 200. A plain blocking
	 * HttpURLConnection on a kept-alive connection: java.net.http's client hands every
	 * exchange between threads, which on two cores adds milliseconds that are the
	 * client's, not the service's.
	 */
	String search(Map<String, String> params) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(this.base + "/api/search?" + query(params))
			.toURL()
			.openConnection();
		int status = connection.getResponseCode();
		InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream();
		String body;
		try (in) {
			// Read to the end and close (not disconnect), so the connection is reused.
			body = (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
		}
		if (status != 200) {
			throw new IllegalStateException("search " + params + " answered " + status);
		}
		return body;
	}

	static String query(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * Waits until the service has used less than {@code share} of one core for three
	 * seconds in a row (background work such as index merges done), or {@code maxWait}.
	 * @return seconds waited and CPU seconds the service used meanwhile
	 */
	double[] awaitIdle(double share, Duration maxWait) throws IOException, InterruptedException {
		long started = System.nanoTime();
		long deadline = started + maxWait.toNanos();
		double first = cpuSeconds();
		double last = first;
		int quietSeconds = 0;
		while (quietSeconds < 3 && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			double now = cpuSeconds();
			quietSeconds = (now - last < share) ? quietSeconds + 1 : 0;
			last = now;
		}
		return new double[] { round((System.nanoTime() - started) / 1e9), round(last - first) };
	}

	/** CPU time of the service process so far (user and system, from /proc). */
	double cpuSeconds() throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
		// Fields after the command name, which is in parentheses and may hold spaces.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks / 100.0;
	}

	double heapUsedMb() throws IOException, InterruptedException {
		JsonNode metric = getJson("/actuator/metrics/jvm.memory.used?tag=area:heap");
		return round(metric.get("measurements").get(0).get("value").asDouble() / (1024 * 1024));
	}

	double rssMb() throws IOException {
		List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"));
		for (String line : status) {
			if (line.startsWith("VmRSS:")) {
				return round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
			}
		}
		return Double.NaN;
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
