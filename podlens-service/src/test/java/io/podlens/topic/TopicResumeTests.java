package io.podlens.topic;

import java.nio.file.Path;
import java.time.Duration;

import io.podlens.TestDataDirs;
import io.podlens.common.ForegroundWork;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Topic extraction records what it has analysed, resumes what a restart left queued, and
 * waits while a bulk import (foreground work) runs.
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
	private TopicEvents events;

	@Autowired
	private ForegroundWork foreground;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void analysedEpisodesAreRecordedAndLostQueueIsResumed() throws Exception {
		long episode = importEpisode("resume");
		this.worker.awaitIdle(WAIT);
		assertThat(mentions(episode)).isPositive();
		assertThat(analysed(episode)).isTrue();

		// As after a restart that lost the in-memory queue before this episode ran.
		this.jdbc.sql("delete from mention where episode_id = ?").param(episode).update();
		this.jdbc.sql("delete from topic_analysis where episode_id = ?").param(episode).update();
		this.events.started();
		this.worker.awaitIdle(WAIT);
		assertThat(mentions(episode)).isPositive();
		assertThat(analysed(episode)).isTrue();
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
		assertThat(analysed(episode)).isTrue();
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

	private boolean analysed(long episode) {
		return this.jdbc.sql("select count(*) from topic_analysis where episode_id = ?")
			.param(episode)
			.query(Long.class)
			.single() > 0;
	}

}
