package io.podlens.topic;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table {@code episode_topic_state} (Flyway {@code V10}): per episode whether its
 * mentions are ready. Written in the transaction that stores the mentions, so the state
 * and the mentions never disagree after a commit; durable, so a restart does not forget a
 * pending re-analysis.
 */
@Component
class TopicStates {

	static final String READY = "ready";

	static final String STALE = "stale";

	static final String FAILED = "failed";

	/** Longest IN list per statement. */
	private static final int IN_CHUNK = 500;

	private final JdbcClient jdbc;

	TopicStates(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The state of an existing episode; one without a row was never analysed. */
	TopicState of(long episodeId) {
		return this.jdbc.sql("select status, analysed_at from episode_topic_state where episode_id = :id")
			.param("id", episodeId)
			.query((rs, n) -> state(rs.getString(1), rs.getTimestamp(2)))
			.optional()
			.orElseGet(TopicState::neverAnalysed);
	}

	/** States of those of the episodes that have a row. */
	Map<Long, TopicState> of(Collection<Long> episodeIds) {
		Map<Long, TopicState> found = new HashMap<>();
		List<Long> ids = List.copyOf(episodeIds);
		for (int from = 0; from < ids.size(); from += IN_CHUNK) {
			this.jdbc.sql("select episode_id, status, analysed_at from episode_topic_state where episode_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
				.query((rs) -> {
					found.put(rs.getLong(1), state(rs.getString(2), rs.getTimestamp(3)));
				});
		}
		return found;
	}

	/**
	 * Records a finished extraction, in the transaction that stores its mentions.
	 * @param current whether the taxonomy it used is still the current one; if not, the
	 * re-analysis that the change asked for will come, and the episode stays pending
	 */
	void analysed(Collection<Long> episodeIds, Instant at, boolean current) {
		String status = current ? READY : STALE;
		for (long id : episodeIds) {
			upsert(id, status, at, true);
		}
	}

	/** Records a failed extraction; the mentions (if any) stay those of the last one. */
	void failed(Collection<Long> episodeIds, Instant at) {
		for (long id : episodeIds) {
			upsert(id, FAILED, at, false);
		}
	}

	/**
	 * After a taxonomy change: every analysed episode is pending again, its mentions kept
	 * until the re-analysis replaces them.
	 * @return how many episodes changed
	 */
	int allStale(Instant at) {
		return this.jdbc.sql("update episode_topic_state set status = :stale, updated_at = :at where status <> :stale")
			.param("stale", STALE)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Whether a re-analysis was asked for and has not finished (before a restart, say).
	 */
	boolean anyStale() {
		return this.jdbc.sql("select count(*) from episode_topic_state where status = :stale")
			.param("stale", STALE)
			.query(Long.class)
			.single() > 0;
	}

	/** Episodes by stored state ({@code ready}, {@code stale}, {@code failed}). */
	Map<String, Long> counts() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("select status, count(*) from episode_topic_state group by status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private void upsert(long episodeId, String status, Instant at, boolean analysed) {
		// Plain update-then-insert works alike on H2 and PostgreSQL; callers hold the
		// episode's lock stripe (TopicAnalysis) or run on the single worker thread.
		String set = analysed ? "status = :status, analysed_at = :at, updated_at = :at"
				: "status = :status, updated_at = :at";
		int updated = this.jdbc.sql("update episode_topic_state set " + set + " where episode_id = :id")
			.param("status", status)
			.param("at", Timestamp.from(at))
			.param("id", episodeId)
			.update();
		if (updated == 0) {
			// no null parameter: PostgreSQL cannot type one
			String columns = analysed ? "episode_id, status, analysed_at, updated_at"
					: "episode_id, status, updated_at";
			String values = analysed ? ":id, :status, :at, :at" : ":id, :status, :at";
			this.jdbc.sql("insert into episode_topic_state (" + columns + ") values (" + values + ")")
				.param("id", episodeId)
				.param("status", status)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	private static TopicState state(String status, Timestamp analysedAt) {
		Instant at = (analysedAt != null) ? analysedAt.toInstant() : null;
		TopicStatus shown = switch (status) {
			case READY -> TopicStatus.READY;
			case FAILED -> TopicStatus.FAILED;
			default -> TopicStatus.PENDING;
		};
		return new TopicState(shown, at);
	}

}
