package io.podlens.embedding;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.bulkimport.ForegroundWork;

import org.springframework.beans.factory.DisposableBean;

/**
 * Embeds stored episodes off the request threads, on one thread, like topic extraction:
 * queued by id, taken {@value #BATCH} at a time. Queuing returns a future that completes
 * once the episode's segments are stored with their vectors; the event listener hands it
 * to the event publication registry, which completes the publication only then, so a
 * restart resumes what was still queued (and the segments embedded before the stop are
 * not embedded again: their rows are there). An id queued again while queued or under way
 * joins the existing future.
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

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "segment-embedding");
		thread.setDaemon(true);
		thread.setPriority(Thread.NORM_PRIORITY - 1);
		return thread;
	});

	private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

	private final Map<Long, CompletableFuture<Void>> underWay = new ConcurrentHashMap<>();

	private final SegmentEmbedder embedder;

	private final ForegroundWork foreground;

	private final ForegroundRequests requests;

	private final long quietAfterNanos;

	/** Since when the queue has not been empty, 0 when it is (worker thread only). */
	private long runStarted;

	private long[] runCounters = new long[3];

	EmbeddingWorker(SegmentEmbedder embedder, ForegroundWork foreground, ForegroundRequests requests,
			Duration quietAfter) {
		this.embedder = embedder;
		this.foreground = foreground;
		this.requests = requests;
		this.quietAfterNanos = quietAfter.toNanos();
	}

	/**
	 * Queues stored episodes.
	 * @return completes once all of them are embedded (or gone); exceptionally when one
	 * failed, so that the event asking for it is retried
	 */
	CompletableFuture<Void> enqueue(Collection<Long> episodeIds) {
		return CompletableFuture.allOf(episodeIds.stream().map(this::enqueue).toArray(CompletableFuture[]::new));
	}

	/**
	 * Notes that episodes were just stored (also by a bulk import): the worker waits for
	 * a quiet moment.
	 */
	void imported() {
		this.requests.ended();
	}

	private CompletableFuture<Void> enqueue(long episodeId) {
		CompletableFuture<Void> running = this.underWay.get(episodeId);
		if (running != null) {
			return running;
		}
		CompletableFuture<Void> created = new CompletableFuture<>();
		CompletableFuture<Void> queued = this.pending.putIfAbsent(episodeId, created);
		if (queued != null) {
			return queued;
		}
		try {
			this.executor.execute(() -> runPending(episodeId));
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the publication stays incomplete; the next start resumes.
			this.pending.remove(episodeId, created);
		}
		return created;
	}

	/** Drops a queued episode that was deleted. */
	void forget(long episodeId) {
		CompletableFuture<Void> queued = this.pending.remove(episodeId);
		if (queued != null) {
			queued.complete(null);
		}
	}

	/** Episodes queued or under way. */
	int queued() {
		return this.pending.size() + this.underWay.size();
	}

	/** Waits until all work queued so far is done; for tests. */
	void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
		try {
			this.executor.submit(() -> {
			}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void runPending(long episodeId) {
		if (!this.pending.containsKey(episodeId)) {
			return;
		}
		Map<Long, CompletableFuture<Void>> batch = takeBatch(episodeId);
		if (batch.isEmpty()) {
			return;
		}
		try {
			long[] before = this.embedder.counters();
			long started = System.nanoTime();
			this.embedder.embedEpisodes(List.copyOf(batch.keySet()), this::yieldToImports);
			report(before, started);
			batch.values().forEach((done) -> done.complete(null));
		}
		catch (Interrupted ex) {
			// Stopping: the publications stay incomplete and the next start resumes.
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Embedding episodes {} failed; they are retried later", batch.keySet(), ex);
			batch.values().forEach((done) -> done.completeExceptionally(ex));
		}
		finally {
			batch.forEach(this.underWay::remove);
		}
	}

	/**
	 * Logs a batch at debug level, and what was done since the queue was last empty when
	 * it is empty again.
	 */
	private void report(long[] before, long started) {
		long[] after = this.embedder.counters();
		log.debug("Embedded {} segments in {} ms; {} episodes queued", after[0] - before[0],
				(System.nanoTime() - started) / 1_000_000, this.pending.size());
		if (this.runStarted == 0) {
			this.runStarted = started;
			this.runCounters = before;
		}
		if (this.pending.isEmpty()) {
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

	private Map<Long, CompletableFuture<Void>> takeBatch(long first) {
		Map<Long, CompletableFuture<Void>> batch = new LinkedHashMap<>();
		take(first, batch);
		for (Long other : this.pending.keySet()) {
			if (batch.size() >= BATCH) {
				break;
			}
			take(other, batch);
		}
		return batch;
	}

	private void take(long episodeId, Map<Long, CompletableFuture<Void>> batch) {
		CompletableFuture<Void> done = this.pending.get(episodeId);
		if (done != null) {
			this.underWay.put(episodeId, done);
			if (this.pending.remove(episodeId, done)) {
				batch.put(episodeId, done);
			}
			else {
				this.underWay.remove(episodeId, done);
			}
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
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** The worker was stopped while it waited. */
	private static final class Interrupted extends RuntimeException {

		Interrupted() {
			super(null, null, false, false);
		}

	}

}
