package io.podlens.topic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.ForegroundWork;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Runs topic extraction off the request threads, one episode at a time on a single thread
 * (extracting a long episode takes seconds and the machine is small). Two kinds of work:
 * newly stored episodes, queued by id (an id queued twice runs once, so the queue never
 * holds more than one entry per episode and no segments), and re-analysis of all stored
 * episodes after a taxonomy change. A change during a run restarts it with the new
 * taxonomy; new episodes are analysed between the episodes of a run.
 */
@Component
class TopicWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TopicWorker.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "topic-extraction");
		thread.setDaemon(true);
		thread.setPriority(Thread.NORM_PRIORITY - 1);
		return thread;
	});

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean jobScheduled = new AtomicBoolean();

	/** Queued episodes under way (taken off {@code pending}, not yet stored). */
	private final AtomicInteger analysing = new AtomicInteger();

	private final TopicAnalysis analysis;

	private final TopicCatalog catalog;

	private final EpisodeTable episodes;

	private final ForegroundWork foreground;

	private final Clock clock = Clock.systemUTC();

	private volatile ReanalysisStatus status;

	TopicWorker(TopicAnalysis analysis, TopicCatalog catalog, EpisodeTable episodes, ForegroundWork foreground) {
		this.analysis = analysis;
		this.foreground = foreground;
		this.catalog = catalog;
		this.episodes = episodes;
		this.status = ReanalysisStatus.idle(0);
	}

	/** Queues a stored episode for extraction. */
	void enqueue(long episodeId) {
		if (this.pending.add(episodeId)) {
			this.executor.execute(() -> runPending(episodeId));
		}
	}

	/** Drops a queued episode that was deleted. */
	void forget(long episodeId) {
		this.pending.remove(episodeId);
	}

	/** Asks for every stored episode to be analysed again with the current taxonomy. */
	synchronized void requestReanalysis() {
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
			.withQueued(this.pending.size() + this.analysing.get());
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
		if (!this.pending.contains(episodeId)) {
			return;
		}
		try {
			// New episodes wait for a running bulk import; their analysis is recorded,
			// so a restart meanwhile resumes them (see TopicEvents).
			this.foreground.awaitIdle();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		if (this.pending.remove(episodeId)) {
			this.analysing.incrementAndGet();
			try {
				analyseQuietly(episodeId);
			}
			finally {
				this.analysing.decrementAndGet();
			}
		}
	}

	private void drainPending() {
		for (Long episodeId : List.copyOf(this.pending)) {
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
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

}
