package io.podlens.episode;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EpisodeRepository extends JpaRepository<Episode, Long> {

	Optional<Episode> findByPodcastKeyAndExternalId(String podcastKey, String externalId);

	@Query("select e.id from Episode e order by e.id")
	List<Long> findAllIds();

}
