package io.podlens.bulkimport;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import io.podlens.TestDataDirs;
import io.podlens.episode.EpisodeImports;
import io.podlens.episode.NewEpisodeRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Jobs live in the database: a job that another instance started and could not finish (it
 * crashed holding the claim) is resumed here once its lease has run out, without storing
 * a line twice; an instance that lost its claim cannot write progress.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("integration")
class ImportResumeTests {

	private static final Path dataDir = TestDataDirs.create("import-resume");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
		registry.add("podlens.import.lease", () -> "1s");
		registry.add("podlens.import.poll-interval", () -> "100ms");
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ImportJobStore store;

	@Autowired
	private EpisodeImports episodes;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aJobCutOffOnAnotherInstanceIsResumedHereWithoutRepeatingALine() throws Exception {
		String id = "resume-1";
		List<String> lines = List.of(episode("r1", "Resumed one"), episode("r2", "Resumed two"), "{\"title\": \"broken",
				episode("r3", "Resumed three"));
		// Another instance received the body and claimed the job...
		Instant now = Instant.now();
		this.store.create(id, now);
		try (OutputStream out = this.store.input(id, 128, Clock.systemUTC())) {
			for (String line : lines) {
				out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		JdbcTemplate sql = new JdbcTemplate(this.dataSource);
		sql.update("update import_job set status = 'running', total = 4, owner = 'crashed', lease_until = ? "
				+ "where id = ?", Timestamp.from(now.plus(Duration.ofHours(1))), id);
		assertThat(sql.queryForObject("select count(*) from import_job_input where job_id = ?", Long.class, id))
			.isGreaterThan(1);
		// ... stored line 1 and recorded line 3 as failed, then crashed holding its
		// claim.
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		tx.executeWithoutResult((status) -> {
			this.episodes.storeAll(List.of(this.episodes.validate(request(lines.get(0)))));
			this.store.recordStored(id, "crashed", List.of(1L), 1);
		});
		tx.executeWithoutResult((status) -> this.store.recordFailed(id, "crashed",
				new ImportError(3, "not a JSON episode object: unexpected end", null, null)));

		// It crashed: its lease runs out. Any instance answers for the job; this one
		// resumes it.
		assertThat(this.mvc.perform(get("/api/imports/" + id)).andReturn().getResponse().getContentAsString())
			.contains("\"done\":1");
		sql.update("update import_job set lease_until = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
				id);
		JsonNode job = awaitFinished(id);
		assertThat(job.get("status").asString()).isEqualTo("done");
		assertThat(job.get("total").asLong()).isEqualTo(4);
		assertThat(job.get("done").asLong()).isEqualTo(3);
		assertThat(job.get("failed").asLong()).isEqualTo(1);
		assertThat(job.get("segments").asLong()).isEqualTo(3);
		assertThat(job.get("errors")).hasSize(1);
		assertThat(job.get("errors").get(0).get("line").asLong()).isEqualTo(3);
		// Every episode once, line 1 not stored again.
		for (String externalId : List.of("r1", "r2", "r3")) {
			assertThat(sql.queryForObject("select count(*) from episode where external_id = ?", Long.class, externalId))
				.as(externalId)
				.isEqualTo(1);
		}
		assertThat(sql.queryForObject("select count(*) from import_job_line where job_id = ?", Long.class, id))
			.isEqualTo(4);
		// The finished job's input is gone; its row stays for clients to read.
		assertThat(sql.queryForObject("select count(*) from import_job_input where job_id = ?", Long.class, id))
			.isZero();
		this.mvc.perform(get("/api/search").param("q", "Zanzibarian")).andExpect(status().isOk());
	}

	@Test
	void anInstanceThatLostItsClaimCannotRecordProgressAndItsEpisodesRollBack() throws Exception {
		String id = "lost-1";
		Instant now = Instant.now();
		this.store.create(id, now);
		new JdbcTemplate(this.dataSource).update(
				"update import_job set status = 'running', total = 1, owner = 'winner', lease_until = ? where id = ?",
				Timestamp.from(now.plus(Duration.ofMinutes(5))), id);
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		String line = episode("lost-ep", "Never stored");
		assertThatExceptionOfType(ImportJobStore.LostClaimException.class)
			.isThrownBy(() -> tx.executeWithoutResult((status) -> {
				this.episodes.storeAll(List.of(this.episodes.validate(request(line))));
				this.store.recordStored(id, "loser", List.of(1L), 1);
			}));
		assertThat(new JdbcTemplate(this.dataSource)
			.queryForObject("select count(*) from episode where external_id = 'lost-ep'", Long.class)).isZero();
		assertThat(this.store.renew(id, "loser", now, now.plusSeconds(30))).isFalse();
		assertThat(this.store.claimNext("loser", now, now.plusSeconds(30))).isEmpty();
		this.store.delete(id);
	}

	private JsonNode awaitFinished(String id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			String body = this.mvc.perform(get("/api/imports/" + id))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			JsonNode job = this.json.readTree(body);
			if (!job.get("status").asString().equals("running") || System.nanoTime() > deadline) {
				return job;
			}
			Thread.sleep(100);
		}
	}

	private NewEpisodeRequest request(String line) {
		return this.json.readValue(line, NewEpisodeRequest.class);
	}

	private static String episode(String externalId, String title) {
		return """
				{"title":"%s","podcast":"Resume Cast","externalId":"%s","segments":[{"startMs":0,"endMs":4000,"text":"Zanzibarian %s"}]}"""
			.formatted(title, externalId, title);
	}

}
