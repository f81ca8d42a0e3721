package io.podlens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a real port with an API key and small limits: who may write, what is
 * exposed, and how oversized requests and failures are answered.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "podlens.api-key=" + SecurityAndLimitsTests.KEY, "podlens.max-request-size=8KB",
				"spring.servlet.multipart.max-file-size=2KB", "spring.servlet.multipart.max-request-size=4KB" })
@Import(SecurityAndLimitsTests.FailingController.class)
class SecurityAndLimitsTests {

	static final String KEY = "test-key-7f3a";

	private static final String EPISODE = """
			{"title":"t","segments":[{"startMs":0,"endMs":10,"text":"hello <b>there</b>"}]}""";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
	}

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void writeWithoutTheKeyIsUnauthorized() throws Exception {
		HttpResponse<String> response = send(json("/api/episodes", EPISODE, null));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("X-API-Key");
		assertProblem(response);
		assertThat(send(json("/api/episodes", EPISODE, "wrong")).statusCode()).isEqualTo(401);
		assertThat(send(request("/api/episodes/1").DELETE().build()).statusCode()).isEqualTo(401);
	}

	@Test
	void writeWithTheKeyIsStoredAndReadsStayOpen() throws Exception {
		HttpResponse<String> created = send(json("/api/episodes", EPISODE, KEY));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		// Location is absolute.
		assertThat(send(HttpRequest.newBuilder(URI.create(location)).GET().build()).statusCode()).isEqualTo(200);
		assertThat(send(request("/api/episodes").GET().build()).statusCode()).isEqualTo(200);
	}

	@Test
	void adminRequestsNeedTheKeyEvenToRead() throws Exception {
		assertThat(send(request("/api/admin/index").GET().build()).statusCode()).isEqualTo(401);
		assertThat(send(request("/api/admin/index/rebuild").POST(HttpRequest.BodyPublishers.noBody()).build())
			.statusCode()).isEqualTo(401);
		assertThat(send(request("/api/admin/index").header("X-API-Key", KEY).GET().build()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void alertReadsNeedTheKeyTheFeedStaysOpen() throws Exception {
		for (String path : new String[] { "/api/alerts", "/api/alerts/1", "/api/alerts/1/deliveries" }) {
			HttpResponse<String> refused = send(request(path).GET().build());
			assertThat(refused.statusCode()).as(path).isEqualTo(401);
			assertProblem(refused);
		}
		assertThat(send(request("/api/alerts").header("X-API-Key", KEY).GET().build()).statusCode()).isEqualTo(200);
		// no such alert: past the filter, the application answers
		assertThat(send(request("/api/alerts/1").header("X-API-Key", KEY).GET().build()).statusCode()).isEqualTo(404);
		assertThat(send(request("/api/events").GET().build()).statusCode()).isEqualTo(200);
	}

	@Test
	void jsonBodyOverTheLimitIsRefusedNamingIt() throws Exception {
		HttpResponse<String> response = send(json("/api/episodes", bigEpisode(), KEY));
		assertThat(response.statusCode()).isEqualTo(413);
		assertProblem(response);
		assertThat(response.body()).contains("8 KB (8192 bytes)", "podlens.max-request-size");
	}

	@Test
	void chunkedJsonBodyOverTheLimitIsRefused() throws Exception {
		byte[] body = bigEpisode().getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = send(request("/api/episodes").header("Content-Type", "application/json")
			.header("X-API-Key", KEY)
			// an input stream publisher has no length: the body is sent chunked
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.body()).contains("podlens.max-request-size");
	}

	@Test
	void uploadedFileOverTheFileLimitIsRefusedNamingIt() throws Exception {
		HttpResponse<String> response = send(upload(3 * 1024));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertProblem(response);
		assertThat(response.body()).contains("2 KB (2048 bytes)", "spring.servlet.multipart.max-file-size");
	}

	@Test
	void uploadOverTheRequestLimitIsRefusedNamingIt() throws Exception {
		HttpResponse<String> response = send(upload(6 * 1024));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.body()).contains("4 KB (4096 bytes)", "spring.servlet.multipart.max-request-size");
	}

	@Test
	void actuatorExposesOnlyHealthInfoAndMetrics() throws Exception {
		assertThat(send(request("/actuator/health").GET().build()).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/info").GET().build()).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/metrics").GET().build()).statusCode()).isEqualTo(200);
		for (String hidden : new String[] { "env", "beans", "configprops", "heapdump", "threaddump", "loggers",
				"mappings", "shutdown" }) {
			assertThat(send(request("/actuator/" + hidden).GET().build()).statusCode()).as(hidden).isEqualTo(404);
		}
	}

	@Test
	void prometheusScrapeIsText() throws Exception {
		send(request("/api/episodes").GET().build());
		HttpResponse<String> response = send(request("/actuator/prometheus").GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge",
				"http_server_requests_seconds_count{");
	}

	@Test
	void unexpectedFailureIsAProblemWithoutInternals() throws Exception {
		HttpResponse<String> response = send(request("/test/fail").GET().build());
		assertThat(response.statusCode()).isEqualTo(500);
		assertProblem(response);
		assertThat(response.body()).doesNotContain(FailingController.SECRET, "IllegalStateException", "at io.podlens",
				"trace");
	}

	@Test
	void openApiDeclaresTheKeyForWrites() throws Exception {
		String api = send(request("/v3/api-docs").GET().build()).body();
		assertThat(api).contains("\"securitySchemes\":{\"apiKey\":{\"type\":\"apiKey\"",
				"\"name\":\"X-API-Key\",\"in\":\"header\"", "\"security\":[{\"apiKey\":[]}]");
		// reads of alerts are guarded too, other reads are not
		var paths = tools.jackson.databind.json.JsonMapper.builder().build().readTree(api).get("paths");
		for (String path : new String[] { "/api/alerts", "/api/alerts/{id}", "/api/alerts/{id}/deliveries" }) {
			assertThat(paths.get(path).get("get").has("security")).as(path).isTrue();
			assertThat(paths.get(path).get("get").get("responses").has("401")).as(path).isTrue();
		}
		assertThat(paths.get("/api/events").get("get").has("security")).isFalse();
		assertThat(paths.get("/api/search").get("get").has("security")).isFalse();
	}

	private static String bigEpisode() {
		return """
				{"title":"big","segments":[{"startMs":0,"endMs":10,"text":"%s"}]}""".formatted("x".repeat(9000));
	}

	private HttpRequest upload(int fileBytes) throws IOException {
		String boundary = "b-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nbig\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("(00:00~00:01) " + "y".repeat(fileBytes)).getBytes(StandardCharsets.UTF_8));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return request("/api/episodes").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-API-Key", KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
	}

	private HttpRequest json(String path, String body, String key) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			builder.header("X-API-Key", key);
		}
		return builder.build();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + response.statusCode(), "\"title\":", "\"detail\":");
	}

	/** Fails the way a bug would, with internals in the exception message. */
	@RestController
	static class FailingController {

		static final String SECRET = "connection string jdbc:secret@db";

		@GetMapping("/test/fail")
		String fail() {
			throw new IllegalStateException(SECRET);
		}

	}

}
