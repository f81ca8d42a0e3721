package io.podlens.topic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.bulkimport.ForegroundWork;
import io.podlens.common.EpisodeQueue;
import io.podlens.episode.EpisodeCatalog;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Runs topic extraction off the request threads on a single thread (extracting a long
 * episode takes seconds and the machine is small); queued episodes are analysed in
 * batches of up to {@link #BATCH}, stored and indexed together. Two kinds of work: newly
 * stored episodes, queued by id ({@link EpisodeQueue}), and re-analysis after a taxonomy
 * change of the episodes whose mentions are of an older taxonomy revision (recorded in
 * the database, so it survives a restart and instances share it). A change during a run
 * restarts it with the new taxonomy; new episodes are analysed between the batches of a
 * run.
 * <p>
 * Queuing an episode returns a future that completes once it is analysed (by this
 * instance or another): the event listener hands it to the event publication registry,
 * which marks the publication complete only then, so a restart resumes what was still
 * queued. Each batch is claimed in the database first ({@link TopicAnalysis}); an episode
 * another instance is analysing right now fails its future quietly, so that its
 * publication stays incomplete until that instance completes it (or, if it crashed, a
 * retry takes the claim over).
 */
@Component
class TopicWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TopicWorker.class);

	/**
	 * Queued episodes analysed together: their mentions are stored in one transaction and
	 * their documents rewritten in one index write and commit.
	 */
	static final int BATCH = 16;

	private final EpisodeQueue queue;

	private final AtomicBoolean jobScheduled = new AtomicBoolean();

	private final TopicAnalysis analysis;

	private final TopicCatalog catalog;

	private final Clock clock = Clock.systemUTC();

	private final TopicStates states;

	private volatile ReanalysisStatus status;

	private final EpisodeCatalog episodes;

	TopicWorker(TopicAnalysis analysis, TopicCatalog catalog, EpisodeCatalog episodes, ForegroundWork foreground,
			TopicStates states) {
		this.analysis = analysis;
		this.states = states;
		this.episodes = episodes;
		this.catalog = catalog;
		this.status = ReanalysisStatus.idle(0);
		// New episodes wait for a running bulk import; their publications stay
		// incomplete meanwhile, so a restart resumes them.
		this.queue = new EpisodeQueue("topic-extraction", BATCH, foreground::awaitIdle, this::analyseBatch);
	}

	/**
	 * Queues stored episodes for extraction.
	 * @return completes once all of them are analysed (or gone); exceptionally when the
	 * analysis of one failed, or another instance is analysing it, so that the event
	 * asking for it is retried
	 */
	CompletableFuture<Void> enqueue(Collection<Long> episodeIds) {
		return this.queue.enqueue(episodeIds);
	}

	/** Drops a queued episode that was deleted: nothing is left to analyse. */
	void forget(long episodeId) {
		this.queue.forget(episodeId);
	}

	/**
	 * Asks for the stored episodes whose mentions are older than the current taxonomy to
	 * be analysed again.
	 */
	synchronized void requestReanalysis() {
		// Durable: answers say "pending" from now on, also after a restart before the run
		// is done (TopicEvents resumes it).
		this.states.allStale(Instant.now(this.clock));
		ReanalysisStatus last = this.status;
		this.status = new ReanalysisStatus(ReanalysisStatus.State.RUNNING, last.episodesTotal(), 0, last.startedAt(),
				null, this.catalog.current().version());
		if (this.jobScheduled.compareAndSet(false, true) && !this.queue.execute(this::reanalyse)) {
			// Shutting down: the work stays recorded; the next start resumes it.
			this.jobScheduled.set(false);
		}
	}

	ReanalysisStatus status() {
		ReanalysisStatus current = this.status;
		return ((current.status() == ReanalysisStatus.State.IDLE)
				? ReanalysisStatus.idle(this.catalog.current().version()) : current)
			.withQueued(this.queue.size());
	}

	/** Waits until all work queued so far is done; for tests and shutdown. */
	void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
		this.queue.awaitIdle(timeout);
	}

	private void analyseBatch(EpisodeQueue.Batch batch) {
		List<Long> ids = batch.ids();
		try {
			this.analysis.analyseAll(ids);
			batch.completeAll();
		}
		catch (TopicAnalysis.ClaimedElsewhere ex) {
			log.debug("Episodes {} are being analysed by another instance", ex.episodeIds());
			for (long id : ids) {
				if (ex.episodeIds().contains(id)) {
					batch.fail(id, ex);
				}
				else {
					batch.complete(id);
				}
			}
		}
		catch (DataIntegrityViolationException ex) {
			// An episode (or a topic) was deleted while the batch was analysed: store
			// the others one by one.
			log.debug("Mentions of episodes {} not stored together: one was deleted meanwhile", ids, ex);
			ids.forEach((id) -> analyseAlone(id, batch));
		}
		catch (RuntimeException ex) {
			log.warn("Topic extraction of episodes {} failed; they are retried later", ids, ex);
			recordFailure(ids);
			batch.failAll(ex);
		}
	}

	private void analyseAlone(long episodeId, EpisodeQueue.Batch batch) {
		try {
			this.analysis.analyseAll(List.of(episodeId));
			batch.complete(episodeId);
		}
		catch (TopicAnalysis.ClaimedElsewhere ex) {
			batch.fail(episodeId, ex);
		}
		catch (DataIntegrityViolationException ex) {
			// The episode (or a topic) was deleted while it was analysed: nothing to
			// keep.
			log.debug("Mentions of episode {} not stored: deleted meanwhile", episodeId, ex);
			batch.complete(episodeId);
		}
		catch (RuntimeException ex) {
			log.warn("Topic extraction of episode {} failed; it is retried later", episodeId, ex);
			recordFailure(List.of(episodeId));
			batch.fail(episodeId, ex);
		}
	}

	private void reanalyse() {
		while (true) {
			TopicCatalog.Snapshot snapshot = this.catalog.current();
			long version = snapshot.version();
			long revision = snapshot.revision();
			int total = Math.toIntExact(this.analysis.countToDo(revision));
			Instant started = Instant.now(this.clock);
			setStatus(ReanalysisStatus.State.RUNNING, total, 0, started, null, version);
			log.info("Re-analysing {} episodes for taxonomy version {} (revision {})", total, version, revision);
			boolean stale = false;
			long after = Long.MIN_VALUE;
			int done = 0;
			while (!stale) {
				this.queue.drain();
				// One pass in id order: episodes another instance holds are its work,
				// a failed one waits for the next run.
				List<Long> next = this.analysis.toDo(revision, after, BATCH);
				if (next.isEmpty()) {
					break;
				}
				after = next.get(next.size() - 1);
				analyseQuietly(next);
				done += next.size();
				total = Math.max(total, done);
				setStatus(ReanalysisStatus.State.RUNNING, total, done, started, null, version);
				stale = this.catalog.current().version() != version;
			}
			stale = stale || this.catalog.current().version() != version;
			if (!stale) {
				setStatus(ReanalysisStatus.State.DONE, total, total, started, Instant.now(this.clock), version);
				log.info("Re-analysed {} episodes in {} ms", done,
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

	private void analyseQuietly(List<Long> episodeIds) {
		try {
			this.analysis.analyseAll(episodeIds);
		}
		catch (TopicAnalysis.ClaimedElsewhere ex) {
			// Another instance analyses those now, with the same or a newer taxonomy.
			log.debug("Episodes {} are being re-analysed by another instance", ex.episodeIds());
		}
		catch (DataIntegrityViolationException ex) {
			if (episodeIds.size() > 1) {
				episodeIds.forEach((id) -> analyseQuietly(List.of(id)));
				return;
			}
			// The episode (or a topic) was deleted while it was analysed: nothing to
			// keep.
			log.debug("Mentions of episode {} not stored: deleted meanwhile", episodeIds, ex);
		}
		catch (RuntimeException ex) {
			log.warn("Topic extraction of episodes {} failed", episodeIds, ex);
			recordFailure(episodeIds);
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
		this.queue.close();
	}

}
