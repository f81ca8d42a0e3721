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

	/** Keyset paging over all segments, for index rebuilds. */
	@Query("select s from Segment s join fetch s.episode where s.id > :afterId order by s.id")
	List<Segment> findBatchAfter(long afterId, Pageable limit);

	/** Row locks on the episode's segments, in id order (see EpisodeCatalog). */
	@Query(value = "select id from segment where episode_id = :episodeId order by id for update", nativeQuery = true)
	List<Long> lockIdsOfEpisode(long episodeId);

	@Modifying
	@Query("delete from Segment s where s.episode.id = :episodeId")
	int deleteByEpisodeId(long episodeId);

}
