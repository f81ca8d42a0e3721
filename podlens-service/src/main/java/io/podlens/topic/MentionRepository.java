package io.podlens.topic;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MentionRepository extends JpaRepository<MentionRow, Long> {

	@Query("select m from MentionRow m where m.episodeId = :episodeId order by m.segmentIndex, m.charStart, m.id")
	List<MentionRow> findByEpisode(long episodeId);

	@Query("select m from MentionRow m where m.segmentId in :segmentIds"
			+ " order by m.episodeId, m.segmentIndex, m.charStart, m.id")
	List<MentionRow> findBySegments(Collection<Long> segmentIds);

	@Query("select m from MentionRow m where m.episodeId in :episodeIds"
			+ " order by m.episodeId, m.segmentIndex, m.charStart, m.id")
	List<MentionRow> findByEpisodes(Collection<Long> episodeIds);

	@Modifying
	@Query("delete from MentionRow m where m.episodeId = :episodeId")
	int deleteByEpisode(long episodeId);

	/** Per episode that mentions the topic: how often. */
	@Query("select m.episodeId as episodeId, count(m) as mentions from MentionRow m where m.topicId = :topicId"
			+ " group by m.episodeId")
	List<EpisodeCount> countsByEpisode(String topicId);

	/**
	 * Per UTC day (days since 1970-01-01) of the episodes' dates: the mentions of any of
	 * these topics, the episodes with one, and how many of those have no publication date
	 * and were placed by their import time. An episode's date is its publication date, or
	 * its import time when it has none; only dates in {@code [from, to)} count. Each
	 * episode lies in exactly one day, so the days add up to weeks and months exactly.
	 * Rows are {@code [day, mentions, episodes, undated episodes]}, by day.
	 */
	@Query(nativeQuery = true,
			value = "select d.day_number, count(*), count(distinct d.episode_id),"
					+ " count(distinct case when d.undated = 1 then d.episode_id end)" + " from (select "
					+ DAY_OF_EPISODE + " as day_number, m.episode_id as episode_id,"
					+ " case when e.published_at is null then 1 else 0 end as undated"
					+ " from mention m join episode e on e.id = m.episode_id where m.topic_id in (:topicIds) and "
					+ EPISODE_IN_RANGE + ") d group by d.day_number order by d.day_number")
	List<Object[]> countsPerDay(Collection<String> topicIds, OffsetDateTime from, OffsetDateTime to);

	/**
	 * For every topic mentioned in an episode dated in {@code [from, to)} (as in
	 * {@link #countsPerDay}): rows {@code [topic id, episode id, day, undated (0 or 1),
	 * mentions]}, so that the caller can roll topics up to their ancestors and still
	 * count an episode once.
	 */
	@Query(nativeQuery = true,
			value = "select d.topic_id, d.episode_id, d.day_number, d.undated, count(*)"
					+ " from (select m.topic_id as topic_id, m.episode_id as episode_id, " + DAY_OF_EPISODE
					+ " as day_number," + " case when e.published_at is null then 1 else 0 end as undated"
					+ " from mention m join episode e on e.id = m.episode_id where " + EPISODE_IN_RANGE + ") d"
					+ " group by d.topic_id, d.episode_id, d.day_number, d.undated")
	List<Object[]> countsPerTopicAndEpisode(OffsetDateTime from, OffsetDateTime to);

	/**
	 * The UTC day number of an episode's date. The epoch is absolute, so the session time
	 * zone of neither database shifts a day (date_trunc would follow it on PostgreSQL).
	 */
	String DAY_OF_EPISODE = "cast(floor(extract(epoch from coalesce(e.published_at, e.created_at)) / 86400) as bigint)";

	/**
	 * The episode's date in {@code [:from, :to)}, written so that each half can use its
	 * index (published_at, created_at).
	 */
	String EPISODE_IN_RANGE = "((e.published_at >= :from and e.published_at < :to)"
			+ " or (e.published_at is null and e.created_at >= :from and e.created_at < :to))";

	interface EpisodeCount {

		long getEpisodeId();

		long getMentions();

	}

}
