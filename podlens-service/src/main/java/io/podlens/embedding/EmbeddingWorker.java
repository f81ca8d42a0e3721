package io.podlens.embedding;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.bulkimport.ForegroundWork;
import io.podlens.common.EpisodeQueue;
import io.podlens.common.WorkClaims;

import org.springframework.beans.factory.DisposableBean;

/**
 * Embeds stored episodes off the request threads, on one thread, like topic extraction:
 * queued by id ({@link EpisodeQueue}), taken {@value #BATCH} at a time. Queuing returns a
 * future that completes once the episode's segments are stored with their vectors; the
 * event listener hands it to the event publication registry, which completes the
 * publication only then, so a restart resumes what was still queued (and the segments
 * embedded before the stop are not embedded again: their rows are there). An id queued
 * again while queued or under way joins the existing future.
 * <p>
 * Each batch is claimed in the database first ({@link WorkClaims}), so that instances on
 * one database never embed an episode at the same time: an episode another instance holds
 * fails its future quietly and its publication stays incomplete until that instance
 * completes it (or a retry takes the claim over once its lease ran out). The claims are
 * renewed while the worker waits and given up when it stops.
 * <p>
 * The worker yields to the work users wait on: before each model run it waits while a
 * bulk import runs, while an import or a search is in flight and until
 * {@code podlens.embedding.quiet-after} has passed since the last one ended (see
 * {@link ForegroundRequests}), so a stream of imports or searches is not slowed by the
 * model sharing its cores.
 */
class EmbeddingWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);

	/** Queued episodes taken together (their chunks may span episodes). */
	static final int BATCH = 16;

	private final EpisodeQueue queue;

	private final SegmentEmbedder embedder;

	private final ForegroundWork foreground;

	private final ForegroundRequests requests;

	private final WorkClaims claims;

	private final long quietAfterNanos;

	/** Since when the queue has not been empty, 0 when it is (worker thread only). */
	private long runStarted;

	private long[] runCounters = new long[3];

	/** The episodes claimed by the batch under way, and when their lease was renewed. */
	private List<Long> held = List.of();

	private long renewedAt;

	EmbeddingWorker(SegmentEmbedder embedder, ForegroundWork foreground, ForegroundRequests requests,
			Duration quietAfter, WorkClaims claims) {
		this.embedder = embedder;
		this.foreground = foreground;
		this.requests = requests;
		this.claims = claims;
		this.quietAfterNanos = quietAfter.toNanos();
		this.queue = new EpisodeQueue("segment-embedding", BATCH, () -> {
		}, this::embedBatch);
	}

	/**
	 * Queues stored episodes.
	 * @return completes once all of them are embedded (or gone); exceptionally when one
	 * failed or another instance is embedding it, so that the event asking for it is
	 * retried
	 */
	CompletableFuture<Void> enqueue(Collection<Long> episodeIds) {
		return this.queue.enqueue(episodeIds);
	}

	/**
	 * Notes that episodes were just stored (also by a bulk import): the worker waits for
	 * a quiet moment.
	 */
	void imported() {
		this.requests.ended();
	}

	/** Drops a queued episode that was deleted. */
	void forget(long episodeId) {
		this.queue.forget(episodeId);
	}

	/** Episodes queued or under way. */
	int queued() {
		return this.queue.size();
	}

	/** Waits until all work queued so far is done; for tests. */
	void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
		this.queue.awaitIdle(timeout);
	}

	private void embedBatch(EpisodeQueue.Batch batch) {
		WorkClaims.Claim claim = this.claims.claim(WorkClaims.EMBEDDING, batch.ids(), 0);
		// Gone since they were queued.
		claim.done().forEach(batch::complete);
		if (!claim.heldElsewhere().isEmpty()) {
			log.debug("Episodes {} are being embedded by another instance", claim.heldElsewhere());
			HeldElsewhere held = new HeldElsewhere();
			claim.heldElsewhere().forEach((id) -> batch.fail(id, held));
		}
		List<Long> ids = claim.claimed();
		if (ids.isEmpty()) {
			return;
		}
		this.held = ids;
		this.renewedAt = System.nanoTime();
		try {
			long[] before = this.embedder.counters();
			long started = System.nanoTime();
			this.embedder.embedEpisodes(ids, this::yieldToImports);
			// The vectors are the durable result: the claim leaves no row.
			this.claims.finish(WorkClaims.EMBEDDING, ids);
			report(before, started, batch.waiting());
			ids.forEach(batch::complete);
		}
		catch (Interrupted ex) {
			// Stopping: the publications stay incomplete and the next start (here or on
			// another instance) resumes, without waiting for the lease.
			Thread.interrupted();
			try {
				this.claims.release(WorkClaims.EMBEDDING, ids);
			}
			catch (RuntimeException failed) {
				log.debug("Claims on episodes {} not given up; they expire", ids, failed);
			}
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Embedding episodes {} failed; they are retried later", ids, ex);
			this.claims.release(WorkClaims.EMBEDDING, ids);
			ids.forEach((id) -> batch.fail(id, ex));
		}
		finally {
			this.held = List.of();
		}
	}

	/**
	 * Logs a batch at debug level, and what was done since the queue was last empty when
	 * it is empty again.
	 */
	private void report(long[] before, long started, int waiting) {
		long[] after = this.embedder.counters();
		log.debug("Embedded {} segments in {} ms; {} episodes queued", after[0] - before[0],
				(System.nanoTime() - started) / 1_000_000, waiting);
		if (this.runStarted == 0) {
			this.runStarted = started;
			this.runCounters = before;
		}
		if (waiting == 0) {
			long segments = after[0] - this.runCounters[0];
			long texts = after[1] - this.runCounters[1];
			double modelSeconds = (after[2] - this.runCounters[2]) / 1e9;
			if (segments > 0) {
				log.info(
						"Embedded {} segments in {} s: {} passages through the model in {} s ({} per second), "
								+ "the others known already",
						segments, Math.round((System.nanoTime() - this.runStarted) / 1e9), texts,
						Math.round(modelSeconds), (modelSeconds > 0) ? Math.round(texts / modelSeconds) : 0);
			}
			this.runStarted = 0;
		}
	}

	private void yieldToImports() {
		try {
			this.foreground.awaitIdle();
			this.requests.awaitQuiet(this.quietAfterNanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Interrupted();
		}
		if (Thread.currentThread().isInterrupted()) {
			throw new Interrupted();
		}
		renewClaims();
	}

	/** Keeps the batch's claims while it waits or runs long. */
	private void renewClaims() {
		long now = System.nanoTime();
		if (!this.held.isEmpty() && now - this.renewedAt > this.claims.lease().toNanos() / 3) {
			this.renewedAt = now;
			if (this.claims.renew(WorkClaims.EMBEDDING, this.held) < this.held.size()) {
				// Another instance took some over: both embed, each vector is stored
				// once.
				log.debug("Claims on episodes {} were taken over", this.held);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.queue.close();
	}

	/** Another instance embeds the episode now; its publication waits for it. */
	private static final class HeldElsewhere extends RuntimeException {

		HeldElsewhere() {
			super("claimed by another instance", null, false, false);
		}

	}

	/** The worker was stopped while it waited. */
	private static final class Interrupted extends RuntimeException {

		Interrupted() {
			super(null, null, false, false);
		}

	}

}
