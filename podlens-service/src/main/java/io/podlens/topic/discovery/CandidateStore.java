package io.podlens.topic.discovery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads candidates with their counts, variants, episodes and contexts, aggregated by the
 * database (one query each per page, never all occurrences in memory).
 */
@Component
class CandidateStore {

	private static final String COUNTED = "from topic_candidate c join candidate_occurrence o on o.candidate_id = c.id"
			+ " where c.status = :status group by c.id, c.sound_key, c.name, c.status, c.topic_id, c.decided_at"
			+ " having count(o.id) >= :min";

	private final JdbcClient jdbc;

	CandidateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A candidate with its counts.
	 *
	 * @param mentions occurrences over all episodes
	 * @param episodes episodes it occurs in
	 */
	record Counted(long id, String soundKey, String name, String status, @Nullable String topicId,
			@Nullable Instant decidedAt, long mentions, long episodes) {
	}

	/** Candidates of a status with at least {@code min} occurrences, most first. */
	List<Counted> page(String status, int min, int page, int size) {
		return this.jdbc
			.sql("select c.id, c.sound_key, c.name, c.status, c.topic_id, c.decided_at, count(o.id) as mentions,"
					+ " count(distinct o.episode_id) as episodes " + COUNTED
					+ " order by count(o.id) desc, c.id offset :offset rows fetch next :size rows only")
			.param("status", status)
			.param("min", min)
			.param("offset", (long) page * size)
			.param("size", size)
			.query((rs, n) -> new Counted(rs.getLong("id"), rs.getString("sound_key"), rs.getString("name"),
					rs.getString("status"), rs.getString("topic_id"),
					instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getLong("mentions"),
					rs.getLong("episodes")))
			.list();
	}

	long total(String status, int min) {
		return this.jdbc.sql("select count(*) from (select c.id " + COUNTED + ") t")
			.param("status", status)
			.param("min", min)
			.query(Long.class)
			.single();
	}

	/** One candidate with its counts (zero without occurrences). */
	Optional<Counted> one(long id) {
		return this.jdbc
			.sql("select c.id, c.sound_key, c.name, c.status, c.topic_id, c.decided_at, count(o.id) as mentions,"
					+ " count(distinct o.episode_id) as episodes from topic_candidate c"
					+ " left join candidate_occurrence o on o.candidate_id = c.id where c.id = :id"
					+ " group by c.id, c.sound_key, c.name, c.status, c.topic_id, c.decided_at")
			.param("id", id)
			.query((rs, n) -> new Counted(rs.getLong("id"), rs.getString("sound_key"), rs.getString("name"),
					rs.getString("status"), rs.getString("topic_id"),
					instant(rs.getObject("decided_at", OffsetDateTime.class)), rs.getLong("mentions"),
					rs.getLong("episodes")))
			.optional();
	}

	/** Per candidate: its forms and how often each occurs, most frequent first. */
	Map<Long, List<CandidateView.Variant>> variants(List<Long> ids) {
		Map<Long, List<CandidateView.Variant>> variants = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return variants;
		}
		this.jdbc
			.sql("select candidate_id, surface, count(*) as n from candidate_occurrence where candidate_id in (:ids)"
					+ " group by candidate_id, surface order by candidate_id, count(*) desc, surface")
			.param("ids", ids)
			.query((rs) -> {
				variants.computeIfAbsent(rs.getLong("candidate_id"), (k) -> new ArrayList<>())
					.add(new CandidateView.Variant(rs.getString("surface"), rs.getLong("n")));
			});
		return variants;
	}

	/** Per candidate: the kinds of its occurrences, most frequent first. */
	Map<Long, List<String>> kinds(List<Long> ids) {
		Map<Long, List<String>> kinds = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return kinds;
		}
		this.jdbc
			.sql("select candidate_id, kind, count(*) as n from candidate_occurrence where candidate_id in (:ids)"
					+ " group by candidate_id, kind order by candidate_id, count(*) desc, kind")
			.param("ids", ids)
			.query((rs) -> {
				kinds.computeIfAbsent(rs.getLong("candidate_id"), (k) -> new ArrayList<>()).add(rs.getString("kind"));
			});
		return kinds;
	}

	/** Per candidate: episode id and occurrences there, most first. */
	Map<Long, Map<Long, Long>> episodes(List<Long> ids) {
		Map<Long, Map<Long, Long>> episodes = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return episodes;
		}
		this.jdbc
			.sql("select candidate_id, episode_id, count(*) as n from candidate_occurrence"
					+ " where candidate_id in (:ids) group by candidate_id, episode_id"
					+ " order by candidate_id, count(*) desc, episode_id")
			.param("ids", ids)
			.query((rs) -> {
				episodes.computeIfAbsent(rs.getLong("candidate_id"), (k) -> new LinkedHashMap<>())
					.put(rs.getLong("episode_id"), rs.getLong("n"));
			});
		return episodes;
	}

	/**
	 * Per candidate: its first {@code limit} occurrences, each of another episode first
	 * (then in episode and segment order), so a few contexts show its spread.
	 */
	Map<Long, List<CandidateView.Context>> contexts(List<Long> ids, int limit) {
		Map<Long, List<CandidateView.Context>> contexts = new LinkedHashMap<>();
		if (ids.isEmpty() || limit == 0) {
			return contexts;
		}
		this.jdbc
			.sql("select * from (select o.candidate_id, o.episode_id, o.segment_id, o.segment_index, o.start_ms,"
					+ " o.end_ms, o.surface, o.context, row_number() over (partition by o.candidate_id order by"
					+ " o.rank_in_episode, o.episode_id, o.segment_index, o.char_start) as n from (select x.*,"
					+ " row_number() over (partition by x.candidate_id, x.episode_id order by x.segment_index,"
					+ " x.char_start) as rank_in_episode from candidate_occurrence x where x.candidate_id in (:ids)) o)"
					+ " t where t.n <= :limit order by t.candidate_id, t.n")
			.param("ids", ids)
			.param("limit", limit)
			.query((rs) -> {
				contexts.computeIfAbsent(rs.getLong("candidate_id"), (k) -> new ArrayList<>())
					.add(new CandidateView.Context(rs.getLong("episode_id"), rs.getLong("segment_id"),
							rs.getInt("segment_index"), rs.getLong("start_ms"), rs.getLong("end_ms"),
							rs.getString("surface"), rs.getString("context")));
			});
		return contexts;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
