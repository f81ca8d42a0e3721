package io.podlens.alert;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.topic.MentionsStored;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts matching after an episode's mentions are stored (after its import and after each
 * re-analysis) and the backfill of a new alert.
 * <p>
 * Both listeners are transactional, so the event publication registry records them in the
 * publishing transaction; they hand the work to the one matching thread and return its
 * future, and the registry completes the publication only when the deliveries are stored.
 * Work a stop or a failure interrupted is resubmitted (at the next start, or by
 * {@code common.EventRetry}); matching again is harmless, since an alert fires at most
 * once per episode. Spring Modulith's {@code @ApplicationModuleListener} would run the
 * matching on the committing thread here (the application enables no {@code @Async}): the
 * topic worker's or the request's.
 */
@Component
class AlertEvents implements DisposableBean {

	/** Episodes of a backfill matched per transaction. */
	static final int BACKFILL_CHUNK = 100;

	private final AlertMatcher matcher;

	private final DeliverySender sender;

	private final EpisodeCatalog episodes;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "alert-matching");
		thread.setDaemon(true);
		return thread;
	});

	AlertEvents(AlertMatcher matcher, DeliverySender sender, EpisodeCatalog episodes) {
		this.matcher = matcher;
		this.sender = sender;
		this.episodes = episodes;
	}

	@TransactionalEventListener(fallbackExecution = true)
	CompletableFuture<Void> on(MentionsStored event) {
		return CompletableFuture.runAsync(() -> {
			if (this.matcher.matchEpisodes(event.episodeIds()) > 0) {
				this.sender.wake();
			}
		}, this.worker);
	}

	@TransactionalEventListener
	CompletableFuture<Void> on(AlertCreated event) {
		return CompletableFuture.runAsync(() -> {
			List<Long> ids = this.episodes.ids();
			for (int from = 0; from < ids.size(); from += BACKFILL_CHUNK) {
				if (this.matcher.matchEpisodes(ids.subList(from, Math.min(ids.size(), from + BACKFILL_CHUNK)),
						event.alertId()) > 0) {
					this.sender.wake();
				}
			}
		}, this.worker);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.worker.shutdownNow();
		this.worker.awaitTermination(5, TimeUnit.SECONDS);
	}

}
