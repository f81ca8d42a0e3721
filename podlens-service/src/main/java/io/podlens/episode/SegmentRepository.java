package io.podlens.episode;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SegmentRepository extends JpaRepository<Segment, Long> {

	List<Segment> findByEpisodeIdOrderByIndex(long episodeId);

	@Query("select coalesce(max(s.id), 0) from Segment s")
	long maxId();

	/**
	 * Keyset paging over all segments in episode order, after the segment at
	 * {@code (afterEpisodeId, afterIndex)}, for index rebuilds. The first condition
	 * bounds the scan of the (episode_id, idx) index; the second skips what was read.
	 */
	@Query("""
			select s from Segment s join fetch s.episode
			where s.episode.id >= :afterEpisodeId and (s.episode.id > :afterEpisodeId or s.index > :afterIndex)
			order by s.episode.id, s.index""")
	List<Segment> findBatchAfter(long afterEpisodeId, int afterIndex, Pageable limit);

	/** Row locks on the episode's segments, in id order (see EpisodeCatalog). */
	@Query(value = "select id from segment where episode_id = :episodeId order by id for update", nativeQuery = true)
	List<Long> lockIdsOfEpisode(long episodeId);

	@Modifying
	@Query("delete from Segment s where s.episode.id = :episodeId")
	int deleteByEpisodeId(long episodeId);

}
