package io.podlens.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the events older than {@code podlens.feed.keep}, every
 * {@code podlens.feed.cleanup-every}, from the start of the feed: always a prefix by
 * number, so that one position ({@code event_feed_trim}) says what is gone. Every
 * instance runs it; it keeps nothing in memory between runs, and two instances trimming
 * at once delete the same rows and move the record forward only.
 */
@Component
class FeedRetention implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FeedRetention.class);

	/** Events deleted per transaction: keeps transactions and locks short. */
	static final int BATCH = 5_000;

	private final FeedStore store;

	private final FeedProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "feed-retention");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	FeedRetention(FeedStore store, FeedProperties properties, PlatformTransactionManager transactionManager) {
		this(store, properties, transactionManager, Clock.systemUTC());
	}

	FeedRetention(FeedStore store, FeedProperties properties, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.store = store;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		long every = this.properties.cleanupEvery().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::trimQuietly, every, every, TimeUnit.MILLISECONDS);
	}

	private void trimQuietly() {
		try {
			trim();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			log.warn("Removing old events from the feed failed; trying again in {}", this.properties.cleanupEvery(),
					ex);
		}
	}

	/**
	 * Deletes the events that occurred more than {@code keep} ago.
	 * @return the number of events this call deleted
	 */
	int trim() {
		Instant cutoff = this.clock.instant().minus(this.properties.keep());
		FeedStore.Stored newest = this.store.newestBefore(cutoff);
		if (newest == null) {
			return 0;
		}
		int deleted = 0;
		long from = this.store.trim().removedThrough();
		while (from < newest.seq()) {
			long through = Math.min(newest.seq(), from + BATCH);
			Instant at = (through == newest.seq()) ? newest.occurredAt() : this.store.occurredAt(through);
			if (at != null) {
				deleted += this.transactions.execute((status) -> this.store.removeThrough(through, at));
			}
			// Another instance may have trimmed further meanwhile (then the row was
			// gone).
			from = Math.max(through, this.store.trim().removedThrough());
		}
		if (deleted > 0) {
			log.info("Removed {} events older than {} from the feed (podlens.feed.keep={})", deleted, cutoff,
					FeedEventsRemovedException.readable(this.properties.keep()));
		}
		return deleted;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.scheduler.shutdownNow();
		this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
	}

}
