package io.podlens.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import io.podlens.topic.TopicLookup;
import io.podlens.topic.TopicState;
import io.podlens.topic.TopicStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Chapters and the timeline use the stored topics: their titles name a prominent topic,
 * and the answers say whether the topics were ready.
 */
@WebMvcTest(AnalysisController.class)
@Import(AnalysisConfiguration.class)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisTopicStatusTests {

	private static final Topic R1 = new Topic("deepseek-r1", "DeepSeek-R1", TopicCategory.MODEL, List.of("DeepSeek R1"),
			List.of());

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SegmentSource segments;

	@MockitoBean
	private TopicLookup topics;

	private List<StoredSegment> episode() {
		List<String> texts = new ArrayList<>();
		texts.add("This episode is sponsored by Acme. Use promo code ACME for a discount. Now back to the show.");
		for (int i = 0; i < 5; i++) {
			texts.add("Yeah, so DeepSeek R1 was trained with reinforcement learning, which is, um, exciting.");
		}
		texts.add("Thanks for listening, see you next time.");
		return TestSegments.evenly("en", 60_000, texts.toArray(String[]::new));
	}

	private void stored(TopicStatus status) {
		List<StoredSegment> episode = episode();
		given(this.segments.segmentsOf(7)).willReturn(episode);
		List<Mention> mentions = new ArrayList<>();
		for (StoredSegment segment : episode.subList(1, 6)) {
			mentions.add(new Mention("deepseek-r1", segment.index(), segment.segmentId(), 8, 19, "DeepSeek R1",
					MatchKind.ALIAS, 0.95));
		}
		given(this.topics.mentionsInEpisode(anyLong())).willReturn(mentions);
		given(this.topics.topic("deepseek-r1")).willReturn(Optional.of(R1));
		given(this.topics.stateOf(7)).willReturn(new TopicState(status, Instant.parse("2026-11-28T21:03:14Z")));
	}

	@Test
	void readyTopicsTitleTheChapter() throws Exception {
		stored(TopicStatus.READY);
		this.mvc.perform(get("/api/episodes/7/chapters"))
			.andExpect(status().isOk())
			.andExpect(header().string(AnalysisController.TOPIC_STATUS, "ready"))
			.andExpect(header().doesNotExist("Cache-Control"))
			.andExpect(jsonPath("$.chapters[0].title").value("Sponsor"))
			.andExpect(jsonPath("$.chapters[1].title").value("DeepSeek-R1 and reinforcement learning"));
	}

	@Test
	void pendingTopicsAreSaidSoAndNotCached() throws Exception {
		stored(TopicStatus.PENDING);
		this.mvc.perform(get("/api/episodes/7/chapters"))
			.andExpect(status().isOk())
			.andExpect(header().string(AnalysisController.TOPIC_STATUS, "pending"))
			.andExpect(header().string("Cache-Control", "no-store"));
		this.mvc.perform(get("/api/episodes/7/timeline.svg"))
			.andExpect(status().isOk())
			.andExpect(header().string(AnalysisController.TOPIC_STATUS, "pending"));
	}

}
