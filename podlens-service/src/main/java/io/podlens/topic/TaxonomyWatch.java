package io.podlens.topic;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.WorkClaimProperties;
import io.podlens.common.WorkClaims;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's taxonomy current when several instances share a database: every
 * {@code podlens.work.check-every} it compares the taxonomy revision in the database with
 * the one it uses (reloading, and re-analysing, when another instance changed it; see
 * {@link TopicCatalog#refreshed()}), and takes over re-analysis that an instance left
 * when it stopped or crashed (claims whose lease ran out).
 */
@Component
class TaxonomyWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TaxonomyWatch.class);

	private final TopicCatalog catalog;

	private final TopicWorker worker;

	private final WorkClaims claims;

	private final WorkClaimProperties properties;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "taxonomy-watch");
		thread.setDaemon(true);
		return thread;
	});

	TaxonomyWatch(TopicCatalog catalog, TopicWorker worker, WorkClaims claims, WorkClaimProperties properties) {
		this.catalog = catalog;
		this.worker = worker;
		this.claims = claims;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		long every = this.properties.checkEvery().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
	}

	void check() {
		try {
			TopicCatalog.Snapshot snapshot = this.catalog.refreshed();
			if (this.claims.abandoned(WorkClaims.TOPIC, snapshot.revision())) {
				log.info("Taking over topic re-analysis left by a stopped instance");
				this.worker.requestReanalysis();
			}
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the next round tries again.
			log.debug("Checking the taxonomy revision failed", ex);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.scheduler.shutdownNow();
		this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
	}

}
