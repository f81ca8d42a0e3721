package io.podlens.topic;

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

	interface EpisodeCount {

		long getEpisodeId();

		long getMentions();

	}

}
