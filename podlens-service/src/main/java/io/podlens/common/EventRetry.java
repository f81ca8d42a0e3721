package io.podlens.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Retries event publications that a listener has not completed, so that work the database
 * promised (indexing, topic extraction) is never dropped. The registry stores a
 * publication per transactional listener in the publishing transaction and marks it
 * complete when the listener returned (or its returned future completed); a failure
 * leaves it incomplete.
 * <ul>
 * <li>At startup every incomplete publication is resubmitted: what a crash or a stop
 * interrupted, what was still queued.</li>
 * <li>While running, every {@code podlens.events.retry-every}, publications incomplete
 * for longer than {@code podlens.events.retry-after} are resubmitted. Listeners are
 * idempotent; topic extraction joins an episode already queued instead of queuing it
 * twice, so resubmitting work that is merely waiting costs nothing.</li>
 * </ul>
 */
@Component
class EventRetry implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

	private final IncompleteEventPublications incomplete;

	private final EventRetryProperties properties;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "event-retry");
		thread.setDaemon(true);
		return thread;
	});

	EventRetry(IncompleteEventPublications incomplete, EventRetryProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		try {
			this.incomplete.resubmitIncompletePublications((publication) -> true);
		}
		catch (RuntimeException ex) {
			log.warn("Resubmitting the publications left incomplete by the last run failed; retrying later", ex);
		}
		long every = this.properties.retryEvery().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::retry, every, every, TimeUnit.MILLISECONDS);
	}

	void retry() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.retryAfter());
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			log.warn("Resubmitting incomplete event publications failed", ex);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.scheduler.shutdownNow();
		this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
	}

}
