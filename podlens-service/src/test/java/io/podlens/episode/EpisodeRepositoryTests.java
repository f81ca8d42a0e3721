package io.podlens.episode;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the Flyway schema on an embedded database and checks the mappings and queries. */
@Tag("integration")
@DataJpaTest
class EpisodeRepositoryTests {

	@Autowired
	private EpisodeRepository episodes;

	@Autowired
	private SegmentRepository segments;

	@Test
	void storesEpisodeWithSegmentsInOrder() {
		Episode episode = this.episodes.save(episode("ep1", "Tech Wave"));
		this.segments.saveAll(List.of(new Segment(episode, 1, 5000, 9000, null, "second"),
				new Segment(episode, 0, 0, 5000, "Ann", "first")));
		this.segments.flush();

		assertThat(this.segments.findByEpisodeIdOrderByIndex(episode.getId())).extracting(Segment::getText)
			.containsExactly("first", "second");
		assertThat(this.segments.maxId()).isPositive();
		assertThat(this.segments.findBatchAfter(0, PageRequest.ofSize(1))).hasSize(1);
	}

	@Test
	void findsByPodcastAndExternalIdWithAbsentPodcastFolded() {
		this.episodes.save(episode("x1", null));
		assertThat(this.episodes.findByPodcastKeyAndExternalId("", "x1")).isPresent();
		assertThat(this.episodes.findByPodcastKeyAndExternalId("Other", "x1")).isEmpty();
	}

	@Test
	void databaseRefusesTheSameExternalIdTwiceInOnePodcast() {
		this.episodes.saveAndFlush(episode("dup", "Tech Wave"));
		assertThatThrownBy(() -> this.episodes.saveAndFlush(episode("dup", "Tech Wave")))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void deletingSegmentsOfAnEpisode() {
		Episode episode = this.episodes.save(episode("d1", "P"));
		this.segments.save(new Segment(episode, 0, 0, 10, null, "a"));
		this.segments.flush();
		assertThat(this.segments.deleteByEpisodeId(episode.getId())).isEqualTo(1);
	}

	private static Episode episode(String externalId, String podcast) {
		return new Episode("Title " + externalId, podcast, externalId, "en", null, 9000, 2, Instant.now());
	}

}
