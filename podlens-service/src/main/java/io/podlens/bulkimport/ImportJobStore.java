package io.podlens.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bulk-import jobs in the database (tables {@code import_job},
 * {@code import_job_input} and {@code import_job_line}): their spooled input, claims,
 * progress and failed lines. Every instance on the database sees every job.
 * <p>
 * Claims are compare-and-set updates: an instance owns a job while
 * {@code owner = it and lease_until > now}; an update that names a stale owner changes
 * nothing, so an instance that lost its claim cannot write progress for the job.
 */
@Component
class ImportJobStore {

	static final String RECEIVING = "receiving";

	static final String RUNNING = "running";

	static final String DONE = "done";

	static final String FAILED = "failed";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	ImportJobStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.batch = new JdbcTemplate(dataSource);
	}

	/** A job's row. */
	record JobRow(String id, String status, long total, long done, long failed, long segments, @Nullable String message,
			Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String owner,
			@Nullable Instant leaseUntil) {
	}

	void create(String id, Instant now) {
		this.jdbc
			.sql("insert into import_job (id, status, total, done, failed, segments, created_at, updated_at) "
					+ "values (?, ?, 0, 0, 0, 0, ?, ?)")
			.params(id, RECEIVING, time(now), time(now))
			.update();
	}

	/** An output stream that stores what is written as chunks of the job's input. */
	OutputStream input(String id, int chunkBytes, java.time.Clock clock) {
		return new ChunkOutput(id, chunkBytes, clock);
	}

	/** The body is complete: the job may be claimed. */
	void received(String id, long total, Instant now) {
		this.jdbc.sql("update import_job set status = ?, total = ?, updated_at = ? where id = ? and status = ?")
			.params(RUNNING, total, time(now), id, RECEIVING)
			.update();
	}

	void delete(String id) {
		this.jdbc.sql("delete from import_job where id = ?").param(id).update();
	}

	/** Jobs not finished (being received or to run), across all instances. */
	long unfinished() {
		return this.jdbc.sql("select count(*) from import_job where status in (?, ?)")
			.params(RECEIVING, RUNNING)
			.query(Long.class)
			.single();
	}

	/**
	 * Claims the oldest job that nobody holds, or whose owner's lease has run out (it
	 * stopped or crashed).
	 */
	Optional<String> claimNext(String owner, Instant now, Instant leaseUntil) {
		List<String> candidates = this.jdbc
			.sql("select id from import_job where status = ? and (lease_until is null or lease_until < ?) "
					+ "order by created_at, id")
			.params(RUNNING, time(now))
			.query(String.class)
			.list();
		for (String id : candidates) {
			int claimed = this.jdbc
				.sql("update import_job set owner = ?, lease_until = ?, updated_at = ?, "
						+ "started_at = coalesce(started_at, ?) "
						+ "where id = ? and status = ? and (lease_until is null or lease_until < ?)")
				.params(owner, time(leaseUntil), time(now), time(now), id, RUNNING, time(now))
				.update();
			if (claimed == 1) {
				return Optional.of(id);
			}
		}
		return Optional.empty();
	}

	/** Extends the claim; false when the owner no longer holds it. */
	boolean renew(String id, String owner, Instant now, Instant leaseUntil) {
		return this.jdbc
			.sql("update import_job set lease_until = ?, updated_at = ? where id = ? and owner = ? and status = ?")
			.params(time(leaseUntil), time(now), id, owner, RUNNING)
			.update() == 1;
	}

	/** Gives the claim up (the instance stops), so that another may resume at once. */
	void release(String id, String owner) {
		this.jdbc
			.sql("update import_job set owner = null, lease_until = null where id = ? and owner = ? and status = ?")
			.params(id, owner, RUNNING)
			.update();
	}

	/** The lines of the job handled so far (stored or failed). */
	BitSet handledLines(String id) {
		BitSet lines = new BitSet();
		this.jdbc.sql("select line from import_job_line where job_id = ?").param(id).query((rs) -> {
			lines.set(Math.toIntExact(rs.getLong(1)));
		});
		return lines;
	}

	/**
	 * Records stored lines; to be called inside the transaction that stored their
	 * episodes.
	 * @throws LostClaimException when the owner no longer holds the job (the transaction
	 * must roll back)
	 */
	void recordStored(String id, String owner, List<Long> lines, long segments) {
		this.batch.batchUpdate("insert into import_job_line (job_id, line, stored) values (?, ?, ?)", lines,
				lines.size(), (statement, line) -> {
					statement.setString(1, id);
					statement.setLong(2, line);
					statement.setBoolean(3, true);
				});
		// The job's row last: its lock is held only until the commit that follows.
		claimed(this.jdbc
			.sql("update import_job set done = done + ?, segments = segments + ? where id = ? and owner = ?")
			.params(lines.size(), segments, id, owner)
			.update(), id);
	}

	/** Records a failed line (in a transaction of the caller's). */
	void recordFailed(String id, String owner, ImportError error) {
		this.jdbc
			.sql("insert into import_job_line (job_id, line, stored, reason, field, transcript_line) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(id, error.line(), false, truncate(error.reason(), 2000), error.field(), error.transcriptLine())
			.update();
		claimed(this.jdbc.sql("update import_job set failed = failed + 1 where id = ? and owner = ?")
			.params(id, owner)
			.update(), id);
	}

	/** Ends the job (done or failed) and drops its input. */
	void finish(String id, String owner, String status, @Nullable String message, Instant now) {
		int updated = this.jdbc
			.sql("update import_job set status = ?, message = ?, finished_at = ?, updated_at = ?, owner = null, "
					+ "lease_until = null where id = ? and owner = ?")
			.params(status, (message != null) ? truncate(message, 1000) : null, time(now), time(now), id, owner)
			.update();
		if (updated == 1) {
			this.jdbc.sql("delete from import_job_input where job_id = ?").param(id).update();
		}
	}

	Optional<JobRow> find(String id) {
		return this.jdbc
			.sql("select id, status, total, done, failed, segments, message, created_at, started_at, finished_at, "
					+ "owner, lease_until from import_job where id = ?")
			.param(id)
			.query((rs, row) -> new JobRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getString(7), instant(rs.getObject(8, OffsetDateTime.class)),
					nullableInstant(rs.getObject(9, OffsetDateTime.class)),
					nullableInstant(rs.getObject(10, OffsetDateTime.class)), rs.getString(11),
					nullableInstant(rs.getObject(12, OffsetDateTime.class))))
			.optional();
	}

	/** The first failed lines of a job, by line. */
	List<ImportError> errors(String id, int limit) {
		return this.jdbc
			.sql("select line, reason, field, transcript_line from import_job_line where job_id = ? and stored = ? "
					+ "order by line")
			.params(id, false)
			.withMaxRows(limit)
			.query((rs, row) -> new ImportError(rs.getLong(1), rs.getString(2), rs.getString(3),
					(Integer) rs.getObject(4)))
			.list();
	}

	/**
	 * Deletes finished jobs last changed before {@code before}, and bodies whose upload
	 * stopped halfway (the receiving instance died) as long ago.
	 */
	int deleteOlderThan(Instant before) {
		return this.jdbc.sql("delete from import_job where status in (?, ?, ?) and updated_at < ?")
			.params(DONE, FAILED, RECEIVING, time(before))
			.update();
	}

	/** Reads the job's input chunk after chunk (each one query, no transaction held). */
	InputStream openInput(String id) {
		return new ChunkInput(id);
	}

	private static void claimed(int updated, String id) {
		if (updated != 1) {
			throw new LostClaimException(id);
		}
	}

	private static OffsetDateTime time(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time.toInstant();
	}

	private static @Nullable Instant nullableInstant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/** The instance lost its claim on a job (its lease ran out and another took it). */
	static final class LostClaimException extends RuntimeException {

		LostClaimException(String id) {
			super("import " + id + " is no longer claimed by this instance");
		}

	}

	private final class ChunkOutput extends OutputStream {

		private final String id;

		private final byte[] buffer;

		private final java.time.Clock clock;

		private int length;

		private int seq;

		ChunkOutput(String id, int chunkBytes, java.time.Clock clock) {
			this.id = id;
			this.buffer = new byte[chunkBytes];
			this.clock = clock;
		}

		@Override
		public void write(int b) {
			if (this.length == this.buffer.length) {
				flushChunk();
			}
			this.buffer[this.length++] = (byte) b;
		}

		@Override
		public void write(byte[] bytes, int offset, int count) {
			while (count > 0) {
				if (this.length == this.buffer.length) {
					flushChunk();
				}
				int n = Math.min(count, this.buffer.length - this.length);
				System.arraycopy(bytes, offset, this.buffer, this.length, n);
				this.length += n;
				offset += n;
				count -= n;
			}
		}

		@Override
		public void close() {
			if (this.length > 0) {
				flushChunk();
			}
		}

		private void flushChunk() {
			byte[] chunk = java.util.Arrays.copyOf(this.buffer, this.length);
			ImportJobStore.this.jdbc.sql("insert into import_job_input (job_id, seq, data) values (?, ?, ?)")
				.params(this.id, this.seq++, chunk)
				.update();
			// The cleanup of abandoned uploads goes by updated_at.
			ImportJobStore.this.jdbc.sql("update import_job set updated_at = ? where id = ?")
				.params(time(this.clock.instant()), this.id)
				.update();
			this.length = 0;
		}

	}

	private final class ChunkInput extends InputStream {

		private final String id;

		private byte[] chunk = new byte[0];

		private int position;

		private int seq;

		private boolean ended;

		ChunkInput(String id) {
			this.id = id;
		}

		@Override
		public int read() throws IOException {
			if (!fill()) {
				return -1;
			}
			return this.chunk[this.position++] & 0xff;
		}

		@Override
		public int read(byte[] bytes, int offset, int count) throws IOException {
			if (count == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(count, this.chunk.length - this.position);
			System.arraycopy(this.chunk, this.position, bytes, offset, n);
			this.position += n;
			return n;
		}

		private boolean fill() {
			while (this.position == this.chunk.length) {
				if (this.ended) {
					return false;
				}
				Optional<byte[]> next = ImportJobStore.this.jdbc
					.sql("select data from import_job_input where job_id = ? and seq = ?")
					.params(this.id, this.seq++)
					.query((rs, row) -> rs.getBytes(1))
					.optional();
				if (next.isEmpty()) {
					this.ended = true;
					return false;
				}
				this.chunk = next.get();
				this.position = 0;
			}
			return true;
		}

	}

}
