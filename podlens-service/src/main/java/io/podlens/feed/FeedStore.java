package io.podlens.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code event_feed}, {@code event_feed_head} and {@code event_feed_trim}. */
@Repository
class FeedStore {

	/** An event to append: its type, episode and JSON data. */
	record Entry(String type, long episodeId, String data) {
	}

	/** A stored event, its data still as JSON text. */
	record Stored(long seq, String type, long episodeId, Instant occurredAt, String data) {
	}

	/**
	 * How far the retention removed the start of the feed.
	 *
	 * @param removedThrough every event numbered up to this one is removed (0: none)
	 * @param removedUntil when the last of them occurred, {@code null} when none is
	 */
	record Trim(long removedThrough, @Nullable Instant removedUntil) {
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

	/** How far the start of the feed is removed. */
	Trim trim() {
		return this.jdbc.sql("select removed_through, removed_until from event_feed_trim where id = 1")
			.query((rs, row) -> {
				OffsetDateTime until = rs.getObject("removed_until", OffsetDateTime.class);
				return new Trim(rs.getLong("removed_through"), (until != null) ? until.toInstant() : null);
			})
			.single();
	}

	/** The newest event that occurred before {@code cutoff}, or {@code null}. */
	@Nullable Stored newestBefore(Instant cutoff) {
		return this.jdbc
			.sql("select seq, type, episode_id, occurred_at, data from event_feed where seq = "
					+ "(select max(seq) from event_feed where occurred_at < ?)")
			.param(cutoff.atOffset(ZoneOffset.UTC))
			.query((rs, row) -> new Stored(rs.getLong("seq"), rs.getString("type"), rs.getLong("episode_id"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("data")))
			.optional()
			.orElse(null);
	}

	/** When the event numbered {@code seq} occurred, or {@code null} when it is gone. */
	@Nullable Instant occurredAt(long seq) {
		return this.jdbc.sql("select occurred_at from event_feed where seq = ?")
			.param(seq)
			.query((rs, row) -> rs.getObject("occurred_at", OffsetDateTime.class).toInstant())
			.optional()
			.orElse(null);
	}

	/**
	 * Deletes every event up to {@code seq} and records it, in the current transaction: a
	 * reader sees the events gone and the trim moved together. Instances that trim at the
	 * same time delete the same rows; the record only moves forward.
	 * @return the number of events deleted
	 */
	int removeThrough(long seq, Instant occurredAt) {
		int deleted = this.jdbc.sql("delete from event_feed where seq <= ?").param(seq).update();
		this.jdbc.sql(
				"update event_feed_trim set removed_through = ?, removed_until = ? where id = 1 and removed_through < ?")
			.params(seq, occurredAt.atOffset(ZoneOffset.UTC), seq)
			.update();
		return deleted;
	}

}
