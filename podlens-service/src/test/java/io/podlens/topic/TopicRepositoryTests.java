package io.podlens.topic;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import io.podlens.common.Paged;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.StoredSegment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the Flyway schema (V3) and checks mappings, queries and cascading deletes. */
@DataJpaTest(includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = EpisodeCatalog.class))
@Import(TopicMentions.class)
class TopicRepositoryTests {

	@Autowired
	private TopicRepository topics;

	@Autowired
	private MentionRepository mentions;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private EpisodeCatalog episodes;

	@Autowired
	private TopicMentions topicMentions;

	private JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.jdbc = JdbcClient.create(this.dataSource);
		this.topics.saveAll(List.of(
				new TopicRow(new Topic("gpt-4o", "GPT-4o", TopicCategory.MODEL, List.of("GPT4o", "ＧＰＴ－４ｏ"), List.of()),
						TopicRow.SOURCE_DEFAULT, Instant.now()),
				new TopicRow(new Topic("multimodal", "多模態", TopicCategory.CONCEPT, List.of(), List.of("vision")),
						TopicRow.SOURCE_USER, Instant.now())));
		this.topics.flush();
	}

	@Test
	void topicsKeepTheirListsInAnyScript() {
		Topic read = this.topics.findById("gpt-4o").orElseThrow().toTopic();
		assertThat(read.aliases()).containsExactly("GPT4o", "ＧＰＴ－４ｏ");
		assertThat(read.category()).isEqualTo(TopicCategory.MODEL);
		assertThat(this.topics.findById("multimodal").orElseThrow().toTopic().contextCues()).containsExactly("vision");
	}

	@Test
	void mentionsAreReadInSegmentOrderAndCounted() {
		episode(1, "first", null, "2026-01-01T00:00:00Z");
		episode(2, "second", "2026-03-01T00:00:00Z", "2026-01-02T00:00:00Z");
		store(mention("gpt-4o", segment(1, 11, 1), 5), mention("gpt-4o", segment(1, 10, 0), 0),
				mention("multimodal", segment(1, 10, 0), 9), mention("gpt-4o", segment(2, 20, 0), 0));

		assertThat(this.mentions.findByEpisode(1)).extracting(MentionRow::getSegmentIndex, MentionRow::getCharStart)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0), org.assertj.core.groups.Tuple.tuple(0, 9),
					org.assertj.core.groups.Tuple.tuple(1, 5));
		// Counts across episodes come from the search index; per episode for paging.
		assertThat(this.mentions.countsByEpisode("gpt-4o"))
			.extracting(MentionRepository.EpisodeCount::getEpisodeId, MentionRepository.EpisodeCount::getMentions)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1L, 2L),
					org.assertj.core.groups.Tuple.tuple(2L, 1L));
		assertThat(this.mentions.countsByEpisode("multimodal")).hasSize(1);
		assertThat(this.mentions.findBySegments(List.of(10L, 20L)))
			.extracting(MentionRow::getTopicId, MentionRow::getSegmentIndex, MentionRow::getCharStart)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("gpt-4o", 0, 0),
					org.assertj.core.groups.Tuple.tuple("multimodal", 0, 9),
					org.assertj.core.groups.Tuple.tuple("gpt-4o", 0, 0));
		assertThat(this.episodes.lockSegments(1)).isTrue();
		assertThat(this.episodes.lockSegments(9)).isFalse();
	}

	@Test
	void mentionsOfATopicListNewestEpisodesFirstUndatedLast() {
		episode(1, "undated", null, "2026-05-01T00:00:00Z");
		episode(2, "old", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
		episode(3, "new", "2026-02-01T00:00:00+08:00", "2026-01-01T00:00:00Z");
		store(mention("gpt-4o", segment(1, 10, 0), 0), mention("gpt-4o", segment(2, 20, 0), 0),
				mention("gpt-4o", segment(3, 30, 0), 0), mention("gpt-4o", segment(3, 31, 1), 0));

		Paged<TopicMention> first = this.topicMentions.of("gpt-4o", 0, 3);
		assertThat(first.total()).isEqualTo(4);
		assertThat(first.items()).extracting(TopicMention::episodeTitle).containsExactly("new", "new", "old");
		assertThat(first.items().get(0).publishedAt()).isNotNull();
		assertThat(first.items().get(0).matchedBy()).isEqualTo(MatchKind.ALIAS);
		assertThat(this.topicMentions.of("gpt-4o", 1, 3).items()).extracting(TopicMention::episodeTitle)
			.containsExactly("undated");
		assertThat(this.episodes.ids()).containsExactly(1L, 2L, 3L);
		assertThat(this.episodes.exists(2)).isTrue();
		assertThat(this.episodes.exists(9)).isFalse();
	}

	@Test
	void deletingAnEpisodeOrATopicDeletesItsMentions() {
		episode(1, "one", null, "2026-01-01T00:00:00Z");
		episode(2, "two", null, "2026-01-01T00:00:00Z");
		store(mention("gpt-4o", segment(1, 10, 0), 0), mention("multimodal", segment(2, 20, 0), 0),
				mention("gpt-4o", segment(2, 20, 0), 4));

		this.jdbc.sql("delete from episode where id = 1").update();
		assertThat(mentionCount()).isEqualTo(2);

		this.topics.deleteById("gpt-4o");
		this.topics.flush();
		assertThat(mentionCount()).isEqualTo(1);
	}

	@Test
	void aMentionOfAMissingEpisodeIsRefused() {
		assertThatThrownBy(() -> store(mention("gpt-4o", segment(7, 70, 0), 0)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private long mentionCount() {
		return this.jdbc.sql("select count(*) from mention").query(Long.class).single();
	}

	private void store(MentionRow... rows) {
		this.mentions.saveAllAndFlush(List.of(rows));
	}

	private static MentionRow mention(String topicId, StoredSegment segment, int start) {
		return new MentionRow(new Mention(topicId, segment.index(), segment.segmentId(), start, start + 4, "GPT4",
				MatchKind.ALIAS, 0.95), segment);
	}

	private StoredSegment segment(long episodeId, long segmentId, int index) {
		Long existing = this.jdbc.sql("select count(*) from segment where id = ?")
			.param(segmentId)
			.query(Long.class)
			.single();
		if (existing == 0 && this.episodes.exists(episodeId)) {
			this.jdbc.sql("insert into segment (id, episode_id, idx, start_ms, end_ms, text) values (?, ?, ?, ?, ?, ?)")
				.params(segmentId, episodeId, index, index * 1000L, index * 1000L + 900, "GPT4 talk")
				.update();
		}
		return new StoredSegment(segmentId, episodeId, "t", null, "en", index, index * 1000L, index * 1000L + 900, null,
				"GPT4 talk");
	}

	private void episode(long id, String title, String publishedAt, String createdAt) {
		this.jdbc
			.sql("""
					insert into episode (id, title, podcast_key, language, published_at, duration_ms, segment_count, created_at)
					values (?, ?, '', 'en', ?, 0, 0, ?)""")
			.params(id, title, (publishedAt != null) ? OffsetDateTime.parse(publishedAt) : null,
					OffsetDateTime.parse(createdAt))
			.update();
	}

}
