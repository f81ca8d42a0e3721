package io.podlens.topic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.bulkimport.ForegroundWork;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Runs topic extraction off the request threads on a single thread (extracting a long
 * episode takes seconds and the machine is small); queued episodes are analysed in
 * batches of up to {@link #BATCH}, stored and indexed together. Two kinds of work: newly
 * stored episodes, queued by id, and re-analysis of all stored episodes after a taxonomy
 * change. A change during a run restarts it with the new taxonomy; new episodes are
 * analysed between the episodes of a run.
 * <p>
 * Queuing an episode returns a future that completes once it is analysed: the event
 * listener hands it to the event publication registry, which marks the publication
 * complete only then, so a restart resubmits what was still queued. An id queued again
 * while queued or under way (a resubmission) joins the existing future instead of adding
 * work, so the queue never holds more than one entry per episode and no segments.
 */
@Component
class TopicWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TopicWorker.class);

	/**
	 * Queued episodes analysed together: their mentions are stored in one transaction and
	 * their documents rewritten in one index write and commit.
	 */
	static final int BATCH = 16;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "topic-extraction");
		thread.setDaemon(true);
		thread.setPriority(Thread.NORM_PRIORITY - 1);
		return thread;
	});

	/** Queued episodes, each with the future its listeners wait on. */
	private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

	/** Queued episodes under way (taken off {@code pending}, not yet stored). */
	private final Map<Long, CompletableFuture<Void>> analysing = new ConcurrentHashMap<>();

	private final AtomicBoolean jobScheduled = new AtomicBoolean();

	private final TopicAnalysis analysis;

	private final TopicCatalog catalog;

	private final EpisodeCatalog episodes;

	private final ForegroundWork foreground;

	private final Clock clock = Clock.systemUTC();

	private final TopicStates states;

	private volatile ReanalysisStatus status;

	TopicWorker(TopicAnalysis analysis, TopicCatalog catalog, EpisodeCatalog episodes, ForegroundWork foreground,
			TopicStates states) {
		this.analysis = analysis;
		this.states = states;
		this.foreground = foreground;
		this.catalog = catalog;
		this.episodes = episodes;
		this.status = ReanalysisStatus.idle(0);
	}

	/**
	 * Queues stored episodes for extraction.
	 * @return completes once all of them are analysed (or gone); exceptionally when the
	 * analysis of one failed, so that the event asking for it is retried
	 */
	CompletableFuture<Void> enqueue(Collection<Long> episodeIds) {
		return CompletableFuture.allOf(episodeIds.stream().map(this::enqueue).toArray(CompletableFuture[]::new));
	}

	/** Queues a stored episode for extraction; see {@link #enqueue(Collection)}. */
	private CompletableFuture<Void> enqueue(long episodeId) {
		CompletableFuture<Void> underWay = this.analysing.get(episodeId);
		if (underWay != null) {
			return underWay;
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

	/** Drops a queued episode that was deleted: nothing is left to analyse. */
	void forget(long episodeId) {
		CompletableFuture<Void> queued = this.pending.remove(episodeId);
		if (queued != null) {
			queued.complete(null);
		}
	}

	/** Asks for every stored episode to be analysed again with the current taxonomy. */
	synchronized void requestReanalysis() {
		// Durable: answers say "pending" from now on, also after a restart before the run
		// is done (TopicEvents resumes it).
		this.states.allStale(Instant.now(this.clock));
		ReanalysisStatus last = this.status;
		this.status = new ReanalysisStatus(ReanalysisStatus.State.RUNNING, last.episodesTotal(), 0, last.startedAt(),
				null, this.catalog.current().version());
		if (this.jobScheduled.compareAndSet(false, true)) {
			this.executor.execute(this::reanalyse);
		}
	}

	ReanalysisStatus status() {
		ReanalysisStatus current = this.status;
		return ((current.status() == ReanalysisStatus.State.IDLE)
				? ReanalysisStatus.idle(this.catalog.current().version()) : current)
			.withQueued(this.pending.size() + this.analysing.size());
	}

	/** Waits until all work queued so far is done; for tests and shutdown. */
	void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
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
			// Analysed already, with an earlier batch.
			return;
		}
		try {
			// New episodes wait for a running bulk import; their publications stay
			// incomplete meanwhile, so a restart resumes them.
			this.foreground.awaitIdle();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		Map<Long, CompletableFuture<Void>> batch = takeBatch(episodeId);
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.analysis.analyseAll(List.copyOf(batch.keySet()));
			batch.values().forEach((done) -> done.complete(null));
		}
		catch (DataIntegrityViolationException ex) {
			// An episode (or a topic) was deleted while the batch was analysed: store
			// the others one by one.
			log.debug("Mentions of episodes {} not stored together: one was deleted meanwhile", batch.keySet(), ex);
			batch.forEach(this::analyseAlone);
		}
		catch (RuntimeException ex) {
			log.warn("Topic extraction of episodes {} failed; they are retried later", batch.keySet(), ex);
			recordFailure(batch.keySet());
			batch.values().forEach((done) -> done.completeExceptionally(ex));
		}
		finally {
			batch.forEach(this.analysing::remove);
		}
	}

	/**
	 * Takes {@code first} and up to {@link #BATCH} - 1 other queued episodes off the
	 * queue, marking them under way.
	 */
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
			this.analysing.put(episodeId, done);
			if (this.pending.remove(episodeId, done)) {
				batch.put(episodeId, done);
			}
			else {
				this.analysing.remove(episodeId, done);
			}
		}
	}

	private void analyseAlone(long episodeId, CompletableFuture<Void> done) {
		try {
			this.analysis.analyse(episodeId);
			done.complete(null);
		}
		catch (DataIntegrityViolationException ex) {
			// The episode (or a topic) was deleted while it was analysed: nothing to
			// keep.
			log.debug("Mentions of episode {} not stored: deleted meanwhile", episodeId, ex);
			done.complete(null);
		}
		catch (RuntimeException ex) {
			log.warn("Topic extraction of episode {} failed; it is retried later", episodeId, ex);
			recordFailure(List.of(episodeId));
			done.completeExceptionally(ex);
		}
	}

	private void drainPending() {
		for (Long episodeId : List.copyOf(this.pending.keySet())) {
			runPending(episodeId);
		}
	}

	private void reanalyse() {
		while (true) {
			long version = this.catalog.current().version();
			List<Long> ids = this.episodes.ids();
			Instant started = Instant.now(this.clock);
			setStatus(ReanalysisStatus.State.RUNNING, ids.size(), 0, started, null, version);
			log.info("Re-analysing {} episodes for taxonomy version {}", ids.size(), version);
			boolean stale = false;
			for (int i = 0; i < ids.size() && !stale; i++) {
				drainPending();
				analyseQuietly(ids.get(i));
				setStatus(ReanalysisStatus.State.RUNNING, ids.size(), i + 1, started, null, version);
				stale = this.catalog.current().version() != version;
			}
			stale = stale || this.catalog.current().version() != version;
			if (!stale) {
				setStatus(ReanalysisStatus.State.DONE, ids.size(), ids.size(), started, Instant.now(this.clock),
						version);
				log.info("Re-analysed {} episodes in {} ms", ids.size(),
						Duration.between(started, Instant.now(this.clock)).toMillis());
			}
			this.jobScheduled.set(false);
			// A change that arrived while this run was ending found the job still
			// scheduled and left it to this thread.
			if (!stale || !this.jobScheduled.compareAndSet(false, true)) {
				return;
			}
		}
	}

	private synchronized void setStatus(ReanalysisStatus.State state, int total, int done, Instant started,
			Instant finished, long version) {
		// A newer request already announced its version; keep showing that one as
		// running.
		if (this.status.taxonomyVersion() > version) {
			return;
		}
		this.status = new ReanalysisStatus(state, total, done, started, finished, version);
	}

	private void analyseQuietly(long episodeId) {
		try {
			this.analysis.analyse(episodeId);
		}
		catch (DataIntegrityViolationException ex) {
			// The episode (or a topic) was deleted while it was analysed: nothing to
			// keep.
			log.debug("Mentions of episode {} not stored: deleted meanwhile", episodeId, ex);
		}
		catch (RuntimeException ex) {
			log.warn("Topic extraction of episode {} failed", episodeId, ex);
			recordFailure(List.of(episodeId));
		}
	}

	/**
	 * Answers say "failed" until a retry succeeds; a failure to record it (the database
	 * is what failed, say) leaves the state as it was.
	 */
	private void recordFailure(Collection<Long> episodeIds) {
		for (long episodeId : episodeIds) {
			try {
				if (this.episodes.exists(episodeId)) {
					this.states.failed(List.of(episodeId), Instant.now(this.clock));
				}
			}
			catch (RuntimeException ex) {
				log.debug("Failure of episode {} not recorded", episodeId, ex);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
