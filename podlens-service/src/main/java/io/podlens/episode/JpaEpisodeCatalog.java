package io.podlens.episode;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link EpisodeCatalog} over the episode repositories. */
@Component
class JpaEpisodeCatalog implements EpisodeCatalog {

	private final EpisodeRepository episodes;

	private final SegmentRepository segments;

	JpaEpisodeCatalog(EpisodeRepository episodes, SegmentRepository segments) {
		this.episodes = episodes;
		this.segments = segments;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean exists(long episodeId) {
		return this.episodes.existsById(episodeId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> ids() {
		return this.episodes.findAllIds();
	}

	@Override
	@Transactional(readOnly = true)
	public List<EpisodeSummary> summaries(Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return List.of();
		}
		return this.episodes.findAllById(episodeIds)
			.stream()
			.map((episode) -> new EpisodeSummary(episode.getId(), episode.getTitle(), episode.getPublishedAt(),
					episode.getCreatedAt()))
			.toList();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean lockSegments(long episodeId) {
		return !this.segments.lockIdsOfEpisode(episodeId).isEmpty();
	}

}
