package io.podlens.episode;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface EpisodeRepository extends JpaRepository<Episode, Long> {

	Optional<Episode> findByPodcastKeyAndExternalId(String podcastKey, String externalId);

}
