package io.podlens.topic;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MentionRepository extends JpaRepository<MentionRow, Long> {

	@Query("select m from MentionRow m where m.episodeId = :episodeId order by m.segmentIndex, m.charStart, m.id")
	List<MentionRow> findByEpisode(long episodeId);

	@Query("select m from MentionRow m where m.topicId = :topicId order by m.episodeId, m.segmentIndex, m.charStart, m.id")
	List<MentionRow> findByTopic(String topicId);

	@Modifying
	@Query("delete from MentionRow m where m.episodeId = :episodeId")
	int deleteByEpisode(long episodeId);

	/** Per topic: in how many episodes it is mentioned, and how often. */
	@Query("select m.topicId as topicId, count(distinct m.episodeId) as episodes, count(m) as mentions"
			+ " from MentionRow m group by m.topicId")
	List<TopicCounts> countsByTopic();

	@Query("select m.topicId as topicId, count(distinct m.episodeId) as episodes, count(m) as mentions"
			+ " from MentionRow m where m.topicId = :topicId group by m.topicId")
	List<TopicCounts> countsOf(String topicId);

	interface TopicCounts {

		String getTopicId();

		long getEpisodes();

		long getMentions();

	}

}
