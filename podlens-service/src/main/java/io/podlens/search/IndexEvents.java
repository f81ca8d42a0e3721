package io.podlens.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodesStored;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the database. Both listeners are transactional: the event
 * publication registry records each event in the transaction that changed the data, and
 * marks it complete only when the listener returned. They run right after the commit on
 * the committing thread and return once the change is committed to the index and
 * searchable, so {@code POST /api/episodes} answers 201 only then. A bulk-import batch
 * (one transaction, one bulk event) is one index write that returns without a commit or a
 * reopen of its own: its publication completes when a later commit covers it, and the
 * import's {@link io.podlens.episode.BulkIndexing#flush()} makes the whole job durable
 * and searchable before the job reports done.
 * <p>
 * A failure is not caught here: it leaves the publication incomplete, and the database
 * intact, and the registry hands the event to the listener again later (see
 * {@code common.EventRetry}) and after a restart. Both are idempotent: segments are
 * replaced by id, deletes remove whatever is left of the episode.
 */
@Component
class IndexEvents {

	private final SegmentSearch search;

	private final SegmentSource segments;

	private final DeletedEpisodes deleted;

	IndexEvents(SegmentSearch search, SegmentSource segments, DeletedEpisodes deleted) {
		this.search = search;
		this.segments = segments;
		this.deleted = deleted;
	}

	/**
	 * Reads the segments back: the event carries ids only, episodes deleted since none;
	 * one deleted while its segments were being written loses them again
	 * ({@link DeletedEpisodes}).
	 */
	@TransactionalEventListener(fallbackExecution = true)
	CompletableFuture<Void> on(EpisodesStored event) {
		List<StoredSegment> stored = this.segments.segmentsOf(event.episodeIds());
		CompletableFuture<Void> durable;
		if (event.bulk()) {
			// The import flushes before its job is done; the publication completes with
			// the commit that covers this write.
			durable = this.search.indexBatch(stored);
		}
		else {
			this.search.index(stored);
			durable = CompletableFuture.completedFuture(null);
		}
		this.deleted.dropDeleted(event.episodeIds());
		return durable;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(EpisodeDeleted event) {
		this.search.deleteEpisode(event.episodeId());
	}

}
