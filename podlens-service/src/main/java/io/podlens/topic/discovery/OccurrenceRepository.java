package io.podlens.topic.discovery;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OccurrenceRepository extends JpaRepository<OccurrenceRow, Long> {

	@Modifying
	@Query("delete from OccurrenceRow o where o.episodeId = :episodeId")
	int deleteByEpisode(long episodeId);

	@Query("select o from OccurrenceRow o where o.episodeId = :episodeId order by o.segmentIndex, o.charStart")
	List<OccurrenceRow> findByEpisode(long episodeId);

}
