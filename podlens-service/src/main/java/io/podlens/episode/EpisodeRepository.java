package io.podlens.episode;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EpisodeRepository extends JpaRepository<Episode, Long> {

	Optional<Episode> findByPodcastKeyAndExternalId(String podcastKey, String externalId);

	/** Candidates for a batch's duplicate check; the caller compares the podcast keys. */
	List<Episode> findByExternalIdIn(Collection<String> externalIds);

	@Query("select e.id from Episode e order by e.id")
	List<Long> findAllIds();

}
