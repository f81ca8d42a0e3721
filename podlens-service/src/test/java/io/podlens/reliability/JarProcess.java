package io.podlens.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged service jar as a child JVM on a free loopback port, with plain HTTP calls
 * to it. Used by the crash test (which kills it with SIGKILL) and the load driver.
 */
public final class JarProcess implements AutoCloseable {

	private final Process process;

	private final String base;

	private final HttpClient http;

	private JarProcess(Process process, String base, HttpClient http) {
		this.process = process;
		this.base = base;
		this.http = http;
	}

	/** The fat jar: system property {@code podlens.jar}, else target/podlens-*.jar. */
	public static Path jar() throws IOException {
		String configured = System.getProperty("podlens.jar");
		if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured))) {
			return Path.of(configured);
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files
				.filter((p) -> p.getFileName().toString().matches("podlens-.*\\.jar")
						&& !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/podlens-*.jar: run ./mvnw package first"));
		}
	}

	/**
	 * Starts the jar and waits until readiness is UP, which Spring Boot reports only
	 * after the start-up work (index reconciliation) has finished.
	 */
	public static JarProcess start(Path jar, Path dataDir, Path log, String heap, List<String> extraArgs)
			throws Exception {
		return start(jar, dataDir, log, heap, extraArgs, Duration.ofMinutes(3));
	}

	/** As above, waiting up to {@code ready} for readiness. */
	public static JarProcess start(Path jar, Path dataDir, Path log, String heap, List<String> extraArgs,
			Duration ready) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-jar", jar.toString(),
				"--server.port=" + port, "--server.address=127.0.0.1", "--podlens.data-dir=" + dataDir,
				"--logging.level.root=WARN", "--logging.level.io.podlens=INFO"));
		command.addAll(extraArgs);
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		JarProcess started = new JarProcess(process, "http://127.0.0.1:" + port, http);
		long deadline = System.nanoTime() + ready.toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> health = started.get("/actuator/health/readiness");
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return started;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				process.destroyForcibly().waitFor();
				throw new IllegalStateException("the service did not become ready; see " + log);
			}
			Thread.sleep(100);
		}
	}

	/** {@code http://127.0.0.1:PORT}. */
	public String base() {
		return this.base;
	}

	public long pid() {
		return this.process.pid();
	}

	public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(60)).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** SIGKILL on Linux: no shutdown hooks, no flushing, no index close. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("process " + pid() + " survived SIGKILL");
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
