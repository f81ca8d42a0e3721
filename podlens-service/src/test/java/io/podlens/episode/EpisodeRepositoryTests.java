package io.podlens.episode;

import java.time.Instant;
import java.util.List;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
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

	@Autowired
	private TestEntityManager entities;

	@Test
	void storesEpisodeWithSegmentsInOrder() {
		Episode episode = this.episodes.save(episode("ep1", "Tech Wave"));
		this.segments.saveAll(List.of(new Segment(episode, 1, 5000, 9000, null, "second"),
				new Segment(episode, 0, 0, 5000, "Ann", "first")));
		this.segments.flush();

		assertThat(this.segments.findByEpisodeIdOrderByIndex(episode.getId())).extracting(Segment::getText)
			.containsExactly("first", "second");
		assertThat(this.segments.maxId()).isPositive();
		assertThat(this.segments.findBatchAfter(0, -1, PageRequest.ofSize(1))).hasSize(1);
	}

	@Test
	void maxIdIsZeroWithoutSegmentsAndTheHighestIdOtherwise() {
		assertThat(this.segments.maxId()).isZero();
		Episode episode = this.episodes.save(episode("m1", "P"));
		List<Segment> saved = this.segments.saveAllAndFlush(List.of(new Segment(episode, 0, 0, 10, null, "a"),
				new Segment(episode, 1, 10, 20, null, "b"), new Segment(episode, 2, 20, 30, null, "c")));
		assertThat(this.segments.maxId()).isEqualTo(saved.stream().mapToLong(Segment::getId).max().getAsLong());
	}

	@Test
	void keysetPagingWalksAllSegmentsInEpisodeOrderAfterTheBound() {
		Episode first = this.episodes.save(episode("k1", "P"));
		Episode second = this.episodes.save(episode("k2", "P"));
		// Interleaved episodes and indexes: the batch order must not come from the id.
		this.segments.saveAllAndFlush(List.of(new Segment(second, 1, 10, 20, null, "s1"),
				new Segment(first, 2, 20, 30, null, "f2"), new Segment(second, 0, 0, 10, null, "s0"),
				new Segment(first, 0, 0, 10, null, "f0"), new Segment(first, 1, 10, 20, null, "f1")));
		long k1 = first.getId();
		long k2 = second.getId();
		assertThat(k1).isLessThan(k2);
		// Fresh from the database, so that the episode comes from the fetch join.
		this.entities.clear();

		assertThat(texts(this.segments.findBatchAfter(0, -1, PageRequest.ofSize(2)))).containsExactly("f0", "f1");
		// The bound is exclusive: the last segment of a page does not come again.
		assertThat(texts(this.segments.findBatchAfter(k1, 1, PageRequest.ofSize(2)))).containsExactly("f2", "s0");
		assertThat(texts(this.segments.findBatchAfter(k2, 0, PageRequest.ofSize(2)))).containsExactly("s1");
		assertThat(this.segments.findBatchAfter(k2, 1, PageRequest.ofSize(2))).isEmpty();
		// A bound between two episodes starts at the next one.
		assertThat(texts(this.segments.findBatchAfter(k1, 7, PageRequest.ofSize(10)))).containsExactly("s0", "s1");

		List<Segment> all = this.segments.findBatchAfter(0, -1, PageRequest.ofSize(10));
		assertThat(texts(all)).containsExactly("f0", "f1", "f2", "s0", "s1");
		assertThat(all).allSatisfy((segment) -> assertThat(Hibernate.isInitialized(segment.getEpisode())).isTrue());
		assertThat(all).extracting((segment) -> segment.getEpisode().getExternalId() + "/" + segment.getText())
			.containsExactly("k1/f0", "k1/f1", "k1/f2", "k2/s0", "k2/s1");
	}

	private static List<String> texts(List<Segment> segments) {
		return segments.stream().map(Segment::getText).toList();
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
