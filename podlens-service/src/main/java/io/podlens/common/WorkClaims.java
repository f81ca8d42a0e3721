package io.podlens.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims on episodes for background work (table {@code work_claim}), so that several
 * instances on one database share it and none does an episode twice. A claim is a
 * compare-and-set update (or the insert of the episode's first row) that succeeds only
 * while nobody else holds a live lease and the stored result is older than the one
 * wanted; it works the same on H2 and PostgreSQL and never waits for a lock. An instance
 * holds a claim until it completes it, in the transaction that stores the result, or
 * releases it (a failure); the claims of an instance that crashed are taken over when
 * their lease has run out.
 */
@Component
public class WorkClaims {

	/** An episode's topics: the revision is the taxonomy's. */
	public static final String TOPIC = "topic";

	/** An episode's segment vectors: no revision, the rows go when the claim ends. */
	public static final String EMBEDDING = "embedding";

	private final JdbcClient jdbc;

	private final Duration lease;

	private final Clock clock;

	private final String owner;

	@Autowired
	public WorkClaims(DataSource dataSource, WorkClaimProperties properties) {
		this(dataSource, properties.lease(), Clock.systemUTC(), instanceId());
	}

	WorkClaims(DataSource dataSource, Duration lease, Clock clock, String owner) {
		this.jdbc = JdbcClient.create(dataSource);
		this.lease = lease;
		this.clock = clock;
		this.owner = owner;
	}

	/** What a claim attempt found for each episode. */
	public record Claim(List<Long> claimed, List<Long> done, List<Long> heldElsewhere) {
	}

	/** This instance, as claims name it. */
	public String owner() {
		return this.owner;
	}

	public Duration lease() {
		return this.lease;
	}

	/**
	 * Claims episodes whose result is older than {@code revision}.
	 * @return per episode: claimed by this instance; done (a result of this revision or
	 * newer is stored, or the episode is gone); held by another instance's live claim
	 */
	public Claim claim(String kind, Collection<Long> episodeIds, long revision) {
		List<Long> claimed = new ArrayList<>();
		List<Long> done = new ArrayList<>();
		List<Long> held = new ArrayList<>();
		OffsetDateTime now = now();
		OffsetDateTime until = time(this.clock.instant().plus(this.lease));
		for (long id : episodeIds) {
			int updated = this.jdbc
				.sql("update work_claim set owner = ?, lease_until = ? where kind = ? and episode_id = ? "
						+ "and done_revision < ? and (owner is null or lease_until < ? or owner = ?)")
				.params(this.owner, until, kind, id, revision, now, this.owner)
				.update();
			if (updated == 1) {
				claimed.add(id);
				continue;
			}
			Optional<Long> doneRevision = this.jdbc
				.sql("select done_revision from work_claim where kind = ? and episode_id = ?")
				.params(kind, id)
				.query(Long.class)
				.optional();
			if (doneRevision.isPresent()) {
				(doneRevision.get() >= revision ? done : held).add(id);
				continue;
			}
			try {
				this.jdbc
					.sql("insert into work_claim (kind, episode_id, done_revision, owner, lease_until) "
							+ "values (?, ?, -1, ?, ?)")
					.params(kind, id, this.owner, until)
					.update();
				claimed.add(id);
			}
			catch (DuplicateKeyException ex) {
				// Another instance claimed it first.
				held.add(id);
			}
			catch (DataIntegrityViolationException ex) {
				// The episode was deleted: nothing to do.
				done.add(id);
			}
		}
		return new Claim(List.copyOf(claimed), List.copyOf(done), List.copyOf(held));
	}

	/**
	 * Records the result of a claimed episode and ends the claim; to be called in the
	 * transaction that stores the result.
	 * @throws LostClaimException when this instance no longer holds the claim (its lease
	 * ran out and another took it over): the transaction must roll back
	 */
	public void complete(String kind, long episodeId, long revision) {
		int updated = this.jdbc
			.sql("update work_claim set done_revision = ?, owner = null, lease_until = null "
					+ "where kind = ? and episode_id = ? and owner = ?")
			.params(revision, kind, episodeId, this.owner)
			.update();
		if (updated != 1) {
			throw new LostClaimException(kind, episodeId);
		}
	}

	/**
	 * Records a result stored without a claim (an analysis a client asked for), unless a
	 * newer one is recorded.
	 */
	public void recordDone(String kind, long episodeId, long revision) {
		int updated = this.jdbc
			.sql("update work_claim set done_revision = ? where kind = ? and episode_id = ? and done_revision < ?")
			.params(revision, kind, episodeId, revision)
			.update();
		if (updated == 0 && this.jdbc.sql("select count(*) from work_claim where kind = ? and episode_id = ?")
			.params(kind, episodeId)
			.query(Long.class)
			.single() == 0) {
			this.jdbc.sql("insert into work_claim (kind, episode_id, done_revision) values (?, ?, ?)")
				.params(kind, episodeId, revision)
				.update();
		}
	}

	/**
	 * Gives claims up (the work failed, or is done and leaves no row): others may take
	 * them.
	 */
	public void release(String kind, Collection<Long> episodeIds) {
		for (long id : episodeIds) {
			this.jdbc
				.sql("update work_claim set owner = null, lease_until = null where kind = ? and episode_id = ? "
						+ "and owner = ?")
				.params(kind, id, this.owner)
				.update();
		}
	}

	/** Ends claims whose work leaves nothing to record (their rows go). */
	public void finish(String kind, Collection<Long> episodeIds) {
		for (long id : episodeIds) {
			this.jdbc.sql("delete from work_claim where kind = ? and episode_id = ? and owner = ?")
				.params(kind, id, this.owner)
				.update();
		}
	}

	/**
	 * Extends this instance's claims.
	 * @return how many it still held
	 */
	public int renew(String kind, Collection<Long> episodeIds) {
		OffsetDateTime until = time(this.clock.instant().plus(this.lease));
		int held = 0;
		for (long id : episodeIds) {
			held += this.jdbc
				.sql("update work_claim set lease_until = ? where kind = ? and episode_id = ? and owner = ?")
				.params(until, kind, id, this.owner)
				.update();
		}
		return held;
	}

	/**
	 * Episodes whose stored result is older than {@code revision} and that nobody holds,
	 * after {@code afterId} in id order (one pass over them, a page at a time).
	 */
	public List<Long> toDo(String kind, long revision, long afterId, int limit) {
		return this.jdbc
			.sql("select episode_id from work_claim where kind = ? and done_revision < ? and episode_id > ? "
					+ "and (owner is null or lease_until < ?) order by episode_id limit ?")
			.params(kind, revision, afterId, now(), limit)
			.query(Long.class)
			.list();
	}

	/** Episodes whose stored result is older than {@code revision}, held or not. */
	public long countToDo(String kind, long revision) {
		return this.jdbc.sql("select count(*) from work_claim where kind = ? and done_revision < ?")
			.params(kind, revision)
			.query(Long.class)
			.single();
	}

	/**
	 * Whether an instance stopped or crashed while it held a claim on work still to do
	 * (its lease ran out): someone must take it over.
	 */
	public boolean abandoned(String kind, long revision) {
		return this.jdbc
			.sql("select count(*) from work_claim where kind = ? and done_revision < ? and owner is not null "
					+ "and lease_until < ?")
			.params(kind, revision, now())
			.query(Long.class)
			.single() > 0;
	}

	private OffsetDateTime now() {
		return time(this.clock.instant());
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String instanceId() {
		String host = System.getenv().getOrDefault("HOSTNAME", "");
		String id = UUID.randomUUID().toString();
		return host.isEmpty() ? id : (host.length() > 50 ? host.substring(0, 50) : host) + "/" + id;
	}

	/** This instance's claim ended without it: another instance took the work over. */
	public static final class LostClaimException extends RuntimeException {

		public LostClaimException(String kind, long episodeId) {
			super("The claim on " + kind + " work of episode " + episodeId + " was taken over by another instance");
		}

	}

}
