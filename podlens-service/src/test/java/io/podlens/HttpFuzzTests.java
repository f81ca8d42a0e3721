package io.podlens;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random hostile requests with a fixed seed against a running service: mutated JSON
 * episodes, mutated uploaded files and abusive search queries. No answer may be a 5xx,
 * and a refused import must leave the episode count and the index unchanged.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpFuzzTests {

	private static final long SEED = 4242L;

	private static final Path DATA_DIR = TestDataDirs.create("http-fuzz");

	private static final String EPISODE = """
			{"title":"Fuzz","podcast":"P","externalId":"e%d","language":"en","publishedAt":"2024-06-01T08:00:00Z",
			 "segments":[{"startMs":0,"endMs":1000,"speaker":"A","text":"hello 你好"},
			             {"startMs":1000,"endMs":2000,"text":"second line"}]}""";

	private static final String FILE = """
			1
			00:00:00,000 --> 00:00:02,000
			Hello 世界

			2
			00:00:02,000 --> 00:00:04,000
			<i>again</i>
			""";

	private static final List<String> NASTY = List.of("\u0000", "\\u0000", "\"", "\\", "{", "}", "[", "]", ",", ":",
			"-1", "1e999", "99999999999999999999", "null", "true", "\uD800", "\\ud800", "-->", "<", "&#0;", "\n",
			"[[[[[[[[[[[[[[[[[[[[", "\u202E", "𝄞");

	private static final List<String> QUERY_PARTS = List.of("a", "模型", "GPT-4o", "*", "?", "~", "~10", "^", "^99", ":",
			"text:", "*:*", "(", ")", "[", "]", "{", "}", " TO ", " AND ", " OR ", " NOT ", "-", "+", "\"", "\\", "/",
			"/re/", "!", "&&", "||", " ", "%", "\u0000", "\uD800", "💥");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", DATA_DIR::toString);
	}

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void randomHostileRequestsNeverGetA5xxAndRefusalsStoreNothing() throws Exception {
		Random random = new Random(SEED);
		int created = 0;
		int refused = 0;
		for (int i = 0; i < 360; i++) {
			long[] before = stored();
			HttpResponse<String> response = switch (i % 3) {
				case 0 -> post("application/json", mutate(EPISODE.formatted(i), random));
				case 1 -> upload(mutate(FILE, random), random);
				default -> search(randomQuery(random), random);
			};
			assertThat(response.statusCode()).as("case %d: %s", i, abbreviate(response.body())).isLessThan(500);
			if (i % 3 == 2) {
				continue;
			}
			long[] after = stored();
			if (response.statusCode() == 201) {
				created++;
				assertThat(after[0]).isEqualTo(before[0] + 1);
			}
			else {
				refused++;
				assertThat(response.statusCode()).as("case %d", i).isBetween(400, 499);
				assertThat(after).as("case %d stored something: %s", i, response.body()).containsExactly(before);
			}
		}
		// Both outcomes occur, so the mutations are neither all harmless nor all fatal.
		assertThat(created).isPositive();
		assertThat(refused).isPositive();
	}

	private static String mutate(String sample, Random random) {
		StringBuilder text = new StringBuilder(sample);
		int steps = 1 + random.nextInt(3);
		for (int s = 0; s < steps; s++) {
			int at = random.nextInt(text.length() + 1);
			switch (random.nextInt(4)) {
				case 0 -> text.setLength(at);
				case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(10)));
				case 2 -> text.insert(at, NASTY.get(random.nextInt(NASTY.size())));
				default -> text.insert(at, (char) random.nextInt(128));
			}
		}
		return text.toString();
	}

	private static String randomQuery(Random random) {
		if (random.nextInt(20) == 0) {
			return "a".repeat(10 * 1024);
		}
		StringBuilder q = new StringBuilder();
		int parts = 1 + random.nextInt(12);
		for (int p = 0; p < parts; p++) {
			q.append(QUERY_PARTS.get(random.nextInt(QUERY_PARTS.size())));
		}
		return q.toString();
	}

	private long[] stored() throws Exception {
		long episodes = this.json.readTree(get("/api/episodes?size=1").body()).get("total").asLong();
		long documents = this.json.readTree(get("/api/admin/index").body()).get("documents").asLong();
		return new long[] { episodes, documents };
	}

	private HttpResponse<String> search(String q, Random random) throws Exception {
		String extra = random.nextBoolean() ? "&soundsLike=true" : "";
		return get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
	}

	private HttpResponse<String> upload(String file, Random random) throws Exception {
		String boundary = "fuzzb0undary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String format = List.of("", "auto", "srt", "webvtt", "html", "nonsense").get(random.nextInt(6));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nUpload\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n" + format + "\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.srt\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		byte[] content = file.getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(4) == 0 && content.length > 0) {
			// raw byte damage: invalid UTF-8 in the file
			content[random.nextInt(content.length)] = (byte) (0x80 + random.nextInt(128));
		}
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(uri("/api/episodes"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String type, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/episodes"))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

}
