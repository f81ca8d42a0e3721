package io.podlens.topic;

import java.nio.file.Path;
import java.time.Duration;

import io.podlens.TestDataDirs;
import io.podlens.bulkimport.ForegroundWork;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Topic extraction is driven by the event publication registry: an episode's publication
 * stays incomplete until its mentions are stored (so a restart resumes it, see
 * {@code io.podlens.RestartResumesWorkTests}), a resubmission joins the queued work
 * instead of doubling it, and extraction waits while a bulk import (foreground work)
 * runs.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TopicResumeTests {

	private static final Path dataDir = TestDataDirs.create("topic-resume");

	private static final Duration WAIT = Duration.ofMinutes(1);

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("podlens.data-dir", () -> dataDir.toString());
	}

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TopicWorker worker;

	@Autowired
	private IncompleteEventPublications incomplete;

	@Autowired
	private ForegroundWork foreground;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void publicationStaysIncompleteUntilAnalysedAndResubmissionAddsNoWork() throws Exception {
		long episode;
		try (ForegroundWork.Running running = this.foreground.begin()) {
			episode = importEpisode("resume");
			assertThat(analysed(episode)).as("publication incomplete while queued").isFalse();
			// What the periodic retry (and a restart) does: hand the event over again.
			this.incomplete.resubmitIncompletePublications((publication) -> true);
			this.incomplete.resubmitIncompletePublications((publication) -> true);
			assertThat(this.worker.status().episodesQueued()).as("resubmissions join the queued episode").isEqualTo(1);
		}
		this.worker.awaitIdle(WAIT);
		assertThat(mentions(episode)).isPositive();
		awaitAnalysed(episode);
		assertThat(this.worker.status().episodesQueued()).isZero();
	}

	@Test
	void extractionWaitsForForegroundWork() throws Exception {
		long episode;
		try (ForegroundWork.Running running = this.foreground.begin()) {
			episode = importEpisode("waits");
			Thread.sleep(1500);
			assertThat(analysed(episode)).as("analysed while a bulk import ran").isFalse();
			assertThat(mentions(episode)).isZero();
			assertThat(this.worker.status().episodesQueued()).isEqualTo(1);
		}
		this.worker.awaitIdle(WAIT);
		awaitAnalysed(episode);
		assertThat(mentions(episode)).isPositive();
		assertThat(this.worker.status().episodesQueued()).isZero();
	}

	private long importEpisode(String title) throws Exception {
		String body = """
				{"title":"%s","segments":[
				 {"startMs":0,"endMs":5000,"text":"今天我們聊 GPT-4o 跟 Gemini 的多模態模型"},
				 {"startMs":5000,"endMs":9000,"text":"OpenAI and Google DeepMind both ship native multimodal models"}]}"""
			.formatted(title);
		String response = this.mvc.perform(post("/api/episodes").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonMapper.builder().build().readTree(response).get("id").asLong();
	}

	private long mentions(long episode) {
		return this.jdbc.sql("select count(*) from mention where episode_id = ?")
			.param(episode)
			.query(Long.class)
			.single();
	}

	/**
	 * Whether topic extraction completed the episode's publication (completed ones are
	 * deleted: spring.modulith.events.completion-mode=delete).
	 */
	private boolean analysed(long episode) {
		return this.jdbc
			.sql("select count(*) from event_publication where listener_id like '%TopicEvents%'"
					+ " and serialized_event like ?")
			.param("%[" + episode + "]%")
			.query(Long.class)
			.single() == 0;
	}

	/** The registry marks the publication complete right after the analysis ends. */
	private void awaitAnalysed(long episode) throws InterruptedException {
		for (int i = 0; i < 100 && !analysed(episode); i++) {
			Thread.sleep(50);
		}
		assertThat(analysed(episode)).as("publication completed").isTrue();
	}

}
