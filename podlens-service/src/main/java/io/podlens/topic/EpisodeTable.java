package io.podlens.topic;

import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import io.podlens.common.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the episode table that the topic feature needs and {@code SegmentSource} does
 * not offer (existence, all ids, titles and dates beside mentions), as plain SQL on the
 * Flyway schema so that no episode internals are referenced.
 */
@Component
class EpisodeTable {

	private final JdbcClient jdbc;

	EpisodeTable(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	boolean exists(long episodeId) {
		return this.jdbc.sql("select count(*) from episode where id = ?")
			.param(episodeId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Locks the episode's segment rows for the current transaction. Storing mentions
	 * takes these locks first, so a concurrent delete of the episode either waits for the
	 * mentions to commit (and then cascades) or has already removed the rows; the two
	 * never deadlock.
	 * @return the number of segments, 0 when the episode is gone
	 */
	int lockSegments(long episodeId) {
		return this.jdbc.sql("select id from segment where episode_id = ? order by id for update")
			.param(episodeId)
			.query(Long.class)
			.list()
			.size();
	}

	/** Every episode id, oldest first. */
	List<Long> ids() {
		return this.jdbc.sql("select id from episode order by id").query(Long.class).list();
	}

	/** Mentions of a topic with their episodes, newest episodes first. */
	Paged<TopicMention> mentionsOf(String topicId, int page, int size) {
		long total = this.jdbc.sql("select count(*) from mention where topic_id = ?")
			.param(topicId)
			.query(Long.class)
			.single();
		List<TopicMention> items = this.jdbc
			.sql("""
					select m.episode_id, e.title, e.published_at, m.segment_index, m.start_ms, m.end_ms,
					       m.surface, m.matched_by, m.confidence
					from mention m join episode e on e.id = m.episode_id
					where m.topic_id = ?
					order by e.published_at desc nulls last, e.created_at desc, e.id desc, m.segment_index, m.char_start, m.id
					offset ? rows fetch next ? rows only""")
			.param(topicId)
			.param((long) page * size)
			.param(size)
			.query((rs, row) -> new TopicMention(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getString(7), MatchKind.of(rs.getString(8)),
					rs.getDouble(9)))
			.list();
		return new Paged<>(items, page, size, total);
	}

}
