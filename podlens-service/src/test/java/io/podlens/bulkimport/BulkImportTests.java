package io.podlens.bulkimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.podlens.TestDataDirs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A bulk import through the whole service: good lines are stored and searchable, each bad
 * line fails alone with its line number and reason.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BulkImportTests {

	private static final Path dataDir = TestDataDirs.create("bulk-import");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
		registry.add("podlens.import.max-line-bytes", () -> "2000");
		// Small batches, so that the duplicate on line 10 shares a batch with good lines.
		registry.add("podlens.import.batch-episodes", () -> "3");
		// NDJSON is limited by its own setting, not by the JSON request size.
		registry.add("podlens.max-request-size", () -> "8KB");
		registry.add("podlens.import.max-body-size", () -> "64KB");
	}

	@Autowired
	private MockMvc mvc;

	private JdbcTemplate sql;

	@Autowired
	void dataSource(DataSource dataSource) {
		this.sql = new JdbcTemplate(dataSource);
	}

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void storesGoodLinesAndReportsEachBadOneWithItsLineNumber() throws Exception {
		List<String> lines = new ArrayList<>();
		lines
			.add("""
					{"title":"Bulk one","podcast":"Bulk Cast","externalId":"b1","transcript":{"format":"timestamped-text","content":"(00:00~00:05) Zanzibarian welcome\\n(00:05~00:09) 今天聊變色龍"}}""");
		lines.add("{\"title\": \"broken");
		lines.add("""
				{"podcast":"Bulk Cast","segments":[{"startMs":0,"endMs":1000,"text":"no title here"}]}""");
		lines.add("");
		lines
			.add("""
					{"title":"Bad srt","transcript":{"format":"srt","content":"1\\n00:00:01,000 --> 00:00:0x,000\\nhello\\n"}}""");
		lines
			.add("""
					{"title":"Bulk two","podcast":"Bulk Cast","externalId":"b2","segments":[{"startMs":5000,"endMs":9000,"text":"Quetzalcoatlus second"},{"startMs":0,"endMs":5000,"speaker":"Ann","text":"first"}]}""");
		lines.add("""
				{"title":"Bad date","publishedAt":"yesterday","segments":[{"startMs":0,"endMs":1000,"text":"x"}]}""");
		lines.add("{\"title\":\"Too long\",\"segments\":[{\"startMs\":0,\"endMs\":1000,\"text\":\"" + "y".repeat(2100)
				+ "\"}]}");
		lines.add("""
				{"title":"Bulk three","segments":[{"startMs":0,"endMs":3000,"text":"Zanzibarian again"}]}""");
		lines
			.add("""
					{"title":"Duplicate","podcast":"Bulk Cast","externalId":"b2","segments":[{"startMs":0,"endMs":1000,"text":"dup"}]}""");
		String body = String.join("\n", lines) + "\n";

		MvcResult accepted = this.mvc
			.perform(post("/api/imports").contentType("application/x-ndjson")
				.content(body.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isAccepted())
			.andReturn();
		String location = accepted.getResponse().getHeader("Location");
		assertThat(read(accepted).get("total").asLong()).isEqualTo(9);

		JsonNode job = waitUntilFinished(location);
		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("done").asLong()).isEqualTo(3);
		assertThat(job.get("failed").asLong()).isEqualTo(6);
		assertThat(job.get("segments").asLong()).isEqualTo(5);
		assertThat(job.get("etaSeconds").isNull()).isTrue();

		JsonNode errors = job.get("errors");
		assertThat(errors).hasSize(6);
		assertThat(lineNumbers(errors)).containsExactly(2L, 3L, 5L, 7L, 8L, 10L);
		assertThat(error(errors, 2).get("reason").asString()).startsWith("not a JSON episode object");
		assertThat(error(errors, 3).get("field").asString()).isEqualTo("title");
		assertThat(error(errors, 3).get("reason").asString()).contains("title: must not be blank");
		assertThat(error(errors, 5).get("field").asString()).isEqualTo("transcript.content");
		assertThat(error(errors, 5).get("transcriptLine").asInt()).isEqualTo(2);
		assertThat(error(errors, 7).get("field").asString()).isEqualTo("publishedAt");
		assertThat(error(errors, 8).get("reason").asString()).contains("longer than 2000 bytes");
		assertThat(error(errors, 10).get("reason").asString()).contains("externalId 'b2'").contains("line 6");
		assertThat(error(errors, 10).get("field").asString()).isEqualTo("externalId");

		JsonNode hits = read(
				this.mvc.perform(get("/api/search").param("q", "Zanzibarian")).andExpect(status().isOk()).andReturn());
		assertThat(hits.get("total").asLong()).isEqualTo(2);
		JsonNode chinese = read(this.mvc.perform(get("/api/search").param("q", "变色龙")).andReturn());
		assertThat(chinese.get("total").asLong()).isEqualTo(1);
		JsonNode second = read(this.mvc.perform(get("/api/search").param("q", "Quetzalcoatlus")).andReturn());
		assertThat(second.get("hits").get(0).get("episodeTitle").asString()).isEqualTo("Bulk two");

		JsonNode episodes = read(this.mvc.perform(get("/api/episodes").param("size", "100")).andReturn());
		assertThat(episodes.get("total").asLong()).isEqualTo(3);
		assertThat(this.sql.queryForObject("select count(*) from import_job_input", Long.class))
			.as("the spooled body is deleted")
			.isZero();
	}

	@Test
	void ndjsonBodyIsLimitedByTheImportSettingNotTheRequestSize() throws Exception {
		String line = """
				{"title":"Sized","segments":[{"startMs":0,"endMs":1000,"text":"%s"}]}""".formatted("z".repeat(900));
		String roomy = (line + "\n").repeat(20);
		assertThat(roomy.length()).isGreaterThan(8 * 1024).isLessThan(64 * 1024);
		MvcResult accepted = this.mvc
			.perform(post("/api/imports").contentType("application/x-ndjson")
				.content(roomy.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isAccepted())
			.andReturn();
		JsonNode job = waitUntilFinished(accepted.getResponse().getHeader("Location"));
		assertThat(job.get("done").asLong()).isEqualTo(20);

		String huge = (line + "\n").repeat(80);
		MvcResult refused = this.mvc
			.perform(post("/api/imports").contentType("application/x-ndjson")
				.content(huge.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isContentTooLarge())
			.andReturn();
		JsonNode problem = read(refused);
		assertThat(problem.get("setting").asString()).isEqualTo("podlens.import.max-body-size");
		assertThat(problem.get("detail").asString()).contains("64 KB");
		// The refused upload leaves no job and no chunk behind; the accepted one is done.
		assertThat(this.sql.queryForObject("select count(*) from import_job_input", Long.class))
			.as("nothing spooled is left")
			.isZero();
		assertThat(this.sql.queryForList("select status from import_job", String.class)).doesNotContain("receiving");
	}

	@Test
	void unknownJobIsNotFound() throws Exception {
		this.mvc.perform(get("/api/imports/does-not-exist")).andExpect(status().isNotFound());
	}

	private JsonNode waitUntilFinished(String location) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			JsonNode job = read(this.mvc.perform(get(location)).andExpect(status().isOk()).andReturn());
			if (!"running".equals(job.get("status").asString())) {
				return job;
			}
			assertThat(System.nanoTime()).as("import finished in time").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private JsonNode read(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	private static List<Long> lineNumbers(JsonNode errors) {
		List<Long> numbers = new ArrayList<>();
		errors.forEach((e) -> numbers.add(e.get("line").asLong()));
		return numbers;
	}

	private static JsonNode error(JsonNode errors, long line) {
		for (JsonNode e : errors) {
			if (e.get("line").asLong() == line) {
				return e;
			}
		}
		throw new AssertionError("no error for line " + line + " in " + errors);
	}

}
