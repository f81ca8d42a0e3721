package io.podlens.common;

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

/**
 * The in-process queue of episodes that background workers (topic extraction, embeddings)
 * share: one low-priority thread, episodes queued by id and handed to the handler in
 * batches, each with the future its event listener returns to the event publication
 * registry (which completes the publication only when that future completes, so a restart
 * resumes what was still queued). An id queued again while queued or under way (a
 * resubmission) joins the existing future, so the queue never holds more than one entry
 * per episode.
 * <p>
 * The queue only orders work inside one process; which instance does an episode is
 * decided by {@link WorkClaims}.
 */
public final class EpisodeQueue implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EpisodeQueue.class);

	/** Waited on before a batch is taken (e.g. while a bulk import runs). */
	@FunctionalInterface
	public interface Gate {

		void await() throws InterruptedException;

	}

	/**
	 * Does a batch; completes (or fails) the futures of its episodes. A future left
	 * incomplete (the worker was stopped) keeps its publication incomplete.
	 */
	@FunctionalInterface
	public interface Handler {

		void handle(Batch batch);

	}

	private final ExecutorService executor;

	private final int batchSize;

	private final Gate gate;

	private final Handler handler;

	/** Queued episodes, each with the future its listeners wait on. */
	private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

	/** Episodes under way (taken off {@code pending}, not yet done). */
	private final Map<Long, CompletableFuture<Void>> underWay = new ConcurrentHashMap<>();

	public EpisodeQueue(String threadName, int batchSize, Gate gate, Handler handler) {
		this.batchSize = batchSize;
		this.gate = gate;
		this.handler = handler;
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			thread.setPriority(Thread.NORM_PRIORITY - 1);
			return thread;
		});
	}

	/**
	 * Queues stored episodes.
	 * @return completes once all of them are done (or gone); exceptionally when one
	 * failed, so that the event asking for it is retried
	 */
	public CompletableFuture<Void> enqueue(Collection<Long> episodeIds) {
		return CompletableFuture.allOf(episodeIds.stream().map(this::enqueue).toArray(CompletableFuture[]::new));
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

	/** Drops a queued episode that was deleted (or done otherwise): nothing is left. */
	public void forget(long episodeId) {
		CompletableFuture<Void> queued = this.pending.remove(episodeId);
		if (queued != null) {
			queued.complete(null);
		}
	}

	/** Episodes queued or under way. */
	public int size() {
		return this.pending.size() + this.underWay.size();
	}

	/** Episodes queued and not yet taken. */
	public int waiting() {
		return this.pending.size();
	}

	/**
	 * Runs a task on the queue's thread, after the work queued so far.
	 * @return false when the queue is shutting down
	 */
	public boolean execute(Runnable task) {
		try {
			this.executor.execute(task);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** Does the episodes queued now; to be called on the queue's thread (long tasks). */
	public void drain() {
		for (Long episodeId : List.copyOf(this.pending.keySet())) {
			runPending(episodeId);
		}
	}

	/** Waits until all work queued so far is done; for tests and shutdown. */
	public void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
		try {
			// The single thread runs tasks in order: once this no-op ran, all earlier
			// ones have.
			this.executor.submit(() -> {
			}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void runPending(long episodeId) {
		if (!this.pending.containsKey(episodeId)) {
			// Done already, with an earlier batch.
			return;
		}
		try {
			this.gate.await();
		}
		catch (InterruptedException ex) {
			// Stopping: the publications stay incomplete and the next start resumes.
			Thread.currentThread().interrupt();
			return;
		}
		Map<Long, CompletableFuture<Void>> taken = takeBatch(episodeId);
		if (taken.isEmpty()) {
			return;
		}
		try {
			this.handler.handle(new Batch(taken, this));
		}
		catch (RuntimeException ex) {
			log.warn("Background work on episodes {} failed; it is retried later", taken.keySet(), ex);
			taken.values().forEach((done) -> done.completeExceptionally(ex));
		}
		finally {
			taken.forEach(this.underWay::remove);
		}
	}

	/**
	 * Takes {@code first} and up to batch size - 1 other queued episodes off the queue,
	 * marking them under way.
	 */
	private Map<Long, CompletableFuture<Void>> takeBatch(long first) {
		Map<Long, CompletableFuture<Void>> batch = new LinkedHashMap<>();
		take(first, batch);
		for (Long other : this.pending.keySet()) {
			if (batch.size() >= this.batchSize) {
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

	@Override
	public void close() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Episodes taken together, with their futures. */
	public static final class Batch {

		private final Map<Long, CompletableFuture<Void>> futures;

		private final EpisodeQueue queue;

		Batch(Map<Long, CompletableFuture<Void>> futures, EpisodeQueue queue) {
			this.futures = futures;
			this.queue = queue;
		}

		/** The batch's episode ids, in queue order. */
		public List<Long> ids() {
			return List.copyOf(this.futures.keySet());
		}

		public void complete(long episodeId) {
			CompletableFuture<Void> done = this.futures.get(episodeId);
			if (done != null) {
				done.complete(null);
			}
		}

		public void fail(long episodeId, Throwable cause) {
			CompletableFuture<Void> done = this.futures.get(episodeId);
			if (done != null) {
				done.completeExceptionally(cause);
			}
		}

		public void completeAll() {
			this.futures.values().forEach((done) -> done.complete(null));
		}

		public void failAll(Throwable cause) {
			this.futures.values().forEach((done) -> done.completeExceptionally(cause));
		}

		/** Episodes still queued behind this batch. */
		public int waiting() {
			return this.queue.waiting();
		}

	}

}
