package io.podlens.topic;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The trend SQL on the Flyway schema (H2 here, PostgreSQL 15 on the integration run):
 * episodes placed by publication date in UTC whatever offset it was given with, undated
 * episodes by import time, days added up to weeks and months, topics rolled up to their
 * ancestors with an episode counted once, and the risers.
 */
@Tag("integration")
@DataJpaTest
class TrendRepositoryTests {

	private static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

	@Autowired
	private TopicRepository topics;

	@Autowired
	private MentionRepository mentions;

	@Autowired
	private DataSource dataSource;

	private JdbcClient jdbc;

	private TrendService trends;

	private final AtomicLong ids = new AtomicLong(100);

	@BeforeEach
	void setUp() {
		this.jdbc = JdbcClient.create(this.dataSource);
		List<Topic> list = List.of(topic("openai", null), topic("gpt", "openai"), topic("gpt-4o", "gpt"),
				topic("sora", "openai"), topic("mamba", null));
		list.forEach((t) -> this.topics.save(new TopicRow(t, TopicRow.SOURCE_USER, Instant.now())));
		this.topics.flush();
		TopicCatalog catalog = mock(TopicCatalog.class);
		given(catalog.current()).willReturn(TopicCatalog.Snapshot.of(1, new Taxonomy(list)));
		this.trends = new TrendService(catalog, this.mentions, Clock.fixed(NOW, ZoneOffset.UTC));

		// Sunday 2025-03-09 23:30 at -02:00 is Monday 01:30 in UTC: the week of 03-10.
		long monday = episode("2025-03-09T23:30:00-02:00", "2025-01-01T00:00:00Z");
		mention(monday, "gpt-4o", 3);
		mention(monday, "gpt", 1);
		// 03-09 23:59 UTC: Sunday, the week before.
		long sunday = episode("2025-03-09T23:59:00Z", "2025-01-01T00:00:00Z");
		mention(sunday, "gpt-4o", 2);
		mention(sunday, "mamba", 1);
		// Undated: placed by its import time, Wednesday 03-12.
		long undated = episode(null, "2025-03-12T08:00:00Z");
		mention(undated, "sora", 4);
		// February, and one outside every range asked below.
		mention(episode("2025-02-14T10:00:00+08:00", "2025-01-01T00:00:00Z"), "gpt-4o", 5);
		mention(episode("2024-06-01T00:00:00Z", "2025-01-01T00:00:00Z"), "gpt-4o", 7);
		// Published in the range but imported long before: the publication date counts.
		mention(episode("2025-03-11T00:00:00Z", "2020-01-01T00:00:00Z"), "mamba", 6);
		// Imported in the range but published before it: outside.
		mention(episode("2023-01-01T00:00:00Z", "2025-03-11T00:00:00Z"), "mamba", 9);
	}

	@Test
	void daysComeFromTheUtcDateOfPublicationOrImport() {
		List<Object[]> rows = this.mentions.countsPerDay(List.of("gpt-4o", "gpt", "sora"), at("2025-03-01T00:00:00Z"),
				at("2025-04-01T00:00:00Z"));
		assertThat(rows)
			.extracting((r) -> ((Number) r[0]).longValue() + ":" + ((Number) r[1]).longValue() + "/"
					+ ((Number) r[2]).longValue() + "/" + ((Number) r[3]).longValue())
			.containsExactly(day("2025-03-09") + ":2/1/0", day("2025-03-10") + ":4/1/0", day("2025-03-12") + ":4/1/1");
	}

	@Test
	void weeksAddUpTheirDaysAndRollUpToAncestors() {
		TopicTrend openai = this.trends.trend("openai", TrendInterval.WEEK, Instant.parse("2025-03-03T00:00:00Z"),
				Instant.parse("2025-03-17T00:00:00Z"), true);
		assertThat(openai.topicCount()).isEqualTo(4);
		assertThat(openai.series())
			.extracting((p) -> p.start() + " " + p.mentions() + "/" + p.episodes() + "/" + p.episodesByImportTime())
			.containsExactly("2025-03-03T00:00:00Z 2/1/0", "2025-03-10T00:00:00Z 8/2/1");
		assertThat(openai.mentions()).isEqualTo(10);
		assertThat(openai.episodes()).isEqualTo(3);
		assertThat(openai.episodesByImportTime()).isEqualTo(1);

		// Without its children OpenAI has no mention of its own.
		TopicTrend alone = this.trends.trend("openai", TrendInterval.WEEK, Instant.parse("2025-03-03T00:00:00Z"),
				Instant.parse("2025-03-17T00:00:00Z"), false);
		assertThat(alone.topicCount()).isEqualTo(1);
		assertThat(alone.series()).extracting(TopicTrend.Point::mentions).containsExactly(0L, 0L);
	}

	@Test
	void monthsAndDays() {
		TopicTrend months = this.trends.trend("gpt", TrendInterval.MONTH, Instant.parse("2025-01-15T00:00:00Z"), null,
				true);
		// From the month of `from` to the month of now, empty months included.
		assertThat(months.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
		assertThat(months.to()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
		assertThat(months.series()).extracting((p) -> p.mentions() + "/" + p.episodes())
			.containsExactly("0/0", "5/1", "6/2");

		TopicTrend days = this.trends.trend("gpt-4o", TrendInterval.DAY, Instant.parse("2025-03-09T00:00:00Z"),
				Instant.parse("2025-03-11T00:00:00Z"), false);
		assertThat(days.series()).extracting((p) -> p.start().toString() + " " + p.mentions())
			.containsExactly("2025-03-09T00:00:00Z 2", "2025-03-10T00:00:00Z 3");
		// By default the last 30 days up to today.
		TopicTrend recent = this.trends.trend("gpt-4o", TrendInterval.DAY, null, null, false);
		assertThat(recent.series()).hasSize(30);
		assertThat(recent.to()).isEqualTo(Instant.parse("2025-03-21T00:00:00Z"));
	}

	@Test
	void risersOfTheLastFullWeekAgainstTheWeeksBefore() {
		// The week of 03-17 is still running at NOW: the week of 03-10 is compared.
		RisingTopics week = this.trends.rising(new TrendQuery(TrendInterval.WEEK, 4, 3, 1, 10, false, null));
		assertThat(week.currentFrom()).isEqualTo(Instant.parse("2025-03-10T00:00:00Z"));
		assertThat(week.currentTo()).isEqualTo(Instant.parse("2025-03-17T00:00:00Z"));
		assertThat(week.baselineFrom()).isEqualTo(Instant.parse("2025-02-10T00:00:00Z"));
		// mamba 6 against (1) / 4, sora 4 against 0, gpt-4o 3 against (2 + 5) / 4; gpt
		// has 1.
		assertThat(week.topics()).extracting((t) -> t.id() + " " + t.mentions() + " " + t.baselineMentions())
			.containsExactly("mamba 6 0.25", "sora 4 0.0", "gpt-4o 3 1.75");
		assertThat(week.topics().get(0).ratio()).isEqualTo(5.6);
		assertThat(week.episodesByImportTime()).isEqualTo(1);

		// Rolled up, OpenAI has 8 mentions in 2 episodes (gpt-4o and gpt in one).
		RisingTopics rolled = this.trends.rising(new TrendQuery(TrendInterval.WEEK, 4, 3, 2, 10, true, null));
		assertThat(rolled.topics()).extracting((t) -> t.id() + " " + t.mentions() + "/" + t.episodes())
			.containsExactly("openai 8/2");
	}

	private long episode(String publishedAt, String createdAt) {
		long id = this.ids.incrementAndGet();
		this.jdbc
			.sql("""
					insert into episode (id, title, podcast_key, language, published_at, duration_ms, segment_count, created_at)
					values (?, ?, '', 'en', ?, 0, 0, ?)""")
			.params(id, "e" + id, (publishedAt != null) ? OffsetDateTime.parse(publishedAt) : null,
					OffsetDateTime.parse(createdAt))
			.update();
		this.jdbc.sql("insert into segment (id, episode_id, idx, start_ms, end_ms, text) values (?, ?, 0, 0, 1000, ?)")
			.params(id, id, "talk")
			.update();
		return id;
	}

	private void mention(long episode, String topicId, int count) {
		for (int i = 0; i < count; i++) {
			this.mentions.save(new MentionRow(new Mention(topicId, 0, episode, i, i + 1, "t", MatchKind.EXACT, 1.0),
					new io.podlens.episode.StoredSegment(episode, episode, "e", null, "en", 0, 0, 1000, null, "talk")));
		}
		this.mentions.flush();
	}

	private static Topic topic(String id, String parent) {
		return new Topic(id, id.toUpperCase(java.util.Locale.ROOT), TopicCategory.MODEL, List.of(), List.of(), null,
				parent, List.of(), List.of(), false);
	}

	private static OffsetDateTime at(String instant) {
		return OffsetDateTime.parse(instant);
	}

	private static long day(String date) {
		return java.time.LocalDate.parse(date).toEpochDay();
	}

}
