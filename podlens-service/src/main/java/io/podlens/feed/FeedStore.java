package io.podlens.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code event_feed} and {@code event_feed_head}. */
@Repository
class FeedStore {

	/** An event to append: its type, episode and JSON data. */
	record Entry(String type, long episodeId, String data) {
	}

	/** A stored event, its data still as JSON text. */
	record Stored(long seq, String type, long episodeId, Instant occurredAt, String data) {
	}

	private final JdbcClient jdbc;

	FeedStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Appends the entries in the current transaction. The update of the head row locks it
	 * until the transaction ends, so transactions that write the feed number their
	 * entries in the order they commit: a reader never sees number n+1 before n has
	 * committed. Call it last in a transaction, it holds the lock until the commit.
	 */
	void append(List<Entry> entries, Instant now) {
		if (entries.isEmpty()) {
			return;
		}
		this.jdbc.sql("update event_feed_head set last_seq = last_seq + ? where id = 1").param(entries.size()).update();
		long last = this.jdbc.sql("select last_seq from event_feed_head where id = 1").query(Long.class).single();
		long seq = last - entries.size();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		for (Entry entry : entries) {
			seq++;
			this.jdbc.sql("insert into event_feed (seq, type, episode_id, occurred_at, data) values (?, ?, ?, ?, ?)")
				.params(seq, entry.type(), entry.episodeId(), at, entry.data())
				.update();
		}
	}

	/** Up to {@code limit} events after position {@code after}, oldest first. */
	List<Stored> after(long after, int limit) {
		return this.jdbc
			.sql("select seq, type, episode_id, occurred_at, data from event_feed where seq > ? order by seq"
					+ " fetch first ? rows only")
			.params(after, limit)
			.query((rs, row) -> new Stored(rs.getLong("seq"), rs.getString("type"), rs.getLong("episode_id"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("data")))
			.list();
	}

}
