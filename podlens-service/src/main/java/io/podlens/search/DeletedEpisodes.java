package io.podlens.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;

import org.springframework.stereotype.Component;

/**
 * Closes the race between writing an episode's documents and deleting the episode. A
 * write reads the segments, then sends them; an instance (or the retry thread) that read
 * them just before another one deleted the episode and removed its documents would put
 * them back, and nothing would remove them again: orphans in the index. So after every
 * write the episodes it wrote are looked up again, and the documents of those gone are
 * deleted. A delete that commits after this look-up removes its documents after the write
 * arrived (its listener runs after its commit), so either way none is left.
 */
@Component
class DeletedEpisodes {

	private final EpisodeCatalog catalog;

	private final SegmentSearch search;

	DeletedEpisodes(EpisodeCatalog catalog, SegmentSearch search) {
		this.catalog = catalog;
		this.search = search;
	}

	/** Deletes the documents of the episodes among {@code written} that are gone. */
	void dropDeleted(Collection<Long> written) {
		if (written.isEmpty()) {
			return;
		}
		Set<Long> gone = new HashSet<>(written);
		for (EpisodeSummary episode : this.catalog.summaries(written)) {
			gone.remove(episode.id());
		}
		for (long episodeId : gone) {
			this.search.deleteEpisode(episodeId);
		}
	}

}
