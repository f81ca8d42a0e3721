package io.podlens.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.NotFoundException;
import io.podlens.common.RequestTooLargeException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accepts bulk imports into the database and runs them, one at a time per instance, on a
 * background thread. Jobs and their spooled bodies live in the database
 * ({@link ImportJobStore}), so every instance answers for every job, and a job whose
 * instance stopped or crashed is claimed and resumed by the next one to look (its lease,
 * {@code podlens.import.lease}, runs out; a stopping instance gives it up at once). A
 * running import is {@link ForegroundWork}: background enrichment waits for it.
 */
@Component
class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final String MAX_BODY_SIZE = "podlens.import.max-body-size";

	/** This process, as the owner of its claims. */
	private final String owner = "podlens-" + UUID.randomUUID();

	private final ImportRunner runner;

	private final ImportJobStore store;

	private final TransactionTemplate transactions;

	private final ForegroundWork foreground;

	private final ImportProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final Object wakeUp = new Object();

	private final ScheduledExecutorService leases;

	private final Thread worker;

	private volatile boolean stopping;

	ImportJobs(ImportRunner runner, ImportJobStore store, PlatformTransactionManager transactionManager,
			ImportProperties properties, ForegroundWork foreground) {
		this.runner = runner;
		this.store = store;
		this.transactions = new TransactionTemplate(transactionManager);
		this.foreground = foreground;
		this.properties = properties;
		this.leases = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "bulk-import-lease");
			thread.setDaemon(true);
			return thread;
		});
		this.worker = new Thread(this::work, "bulk-import");
		this.worker.setDaemon(true);
	}

	/** Starts looking for jobs once the application is ready (the schema is there). */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		this.worker.start();
	}

	/**
	 * Spools the body into the database in chunks (memory stays flat whatever its size)
	 * and hands the job to the workers.
	 */
	ImportJobView start(InputStream body, long declaredLength) {
		long limit = this.properties.maxBodySize().toBytes();
		if (declaredLength > limit) {
			throw RequestTooLargeException.body(limit, MAX_BODY_SIZE);
		}
		if (this.store.unfinished() > this.properties.queuedJobs()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Too many imports are waiting; try again when one has finished");
		}
		String id = UUID.randomUUID().toString();
		this.store.create(id, this.clock.instant());
		long total;
		try (OutputStream out = this.store.input(id, Math.toIntExact(this.properties.chunkSize().toBytes()),
				this.clock)) {
			total = NdjsonLines.copyCounting(body, out, limit, MAX_BODY_SIZE);
		}
		catch (IOException ex) {
			this.store.delete(id);
			throw new UncheckedIOException("Spooling the import failed", ex);
		}
		catch (RuntimeException ex) {
			this.store.delete(id);
			throw ex;
		}
		this.store.received(id, total, this.clock.instant());
		synchronized (this.wakeUp) {
			this.wakeUp.notifyAll();
		}
		return get(id);
	}

	ImportJobView get(String id) {
		ImportJobStore.JobRow row = this.store.find(id).orElseThrow(() -> new NotFoundException("Import", id));
		return ImportProgress.view(row, this.store.errors(id, this.properties.keptErrors()), this.clock.instant());
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.worker.interrupt();
		this.worker.join(TimeUnit.SECONDS.toMillis(30));
		this.leases.shutdownNow();
	}

	/** The worker: claims the oldest unclaimed job, runs it, and looks again. */
	private void work() {
		Instant lastCleanUp = Instant.EPOCH;
		while (!this.stopping) {
			try {
				Instant now = this.clock.instant();
				if (now.isAfter(lastCleanUp.plus(this.properties.pollInterval().multipliedBy(30)))) {
					lastCleanUp = now;
					int deleted = this.store.deleteOlderThan(now.minus(this.properties.keepFinished()));
					if (deleted > 0) {
						log.info("Deleted {} finished imports older than {}", deleted, this.properties.keepFinished());
					}
				}
				Optional<String> claimed = this.store.claimNext(this.owner, now, now.plus(this.properties.lease()));
				if (claimed.isPresent()) {
					run(claimed.get());
				}
				else {
					synchronized (this.wakeUp) {
						this.wakeUp.wait(this.properties.pollInterval().toMillis());
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database may be away for a moment; look again later.
				log.warn("Looking for bulk imports failed; trying again", ex);
				try {
					Thread.sleep(this.properties.pollInterval().toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void run(String id) {
		ImportJob job = new ImportJob(id, this.owner, this.store, this.transactions, this.clock);
		long every = Math.max(1, this.properties.lease().toMillis() / 3);
		ScheduledFuture<?> renewal = this.leases.scheduleWithFixedDelay(() -> renew(job), every, every,
				TimeUnit.MILLISECONDS);
		try (ForegroundWork.Running running = this.foreground.begin()) {
			if (job.handledCount() > 0) {
				log.info("Resuming import {}: {} lines were handled before", id, job.handledCount());
			}
			this.runner.run(job);
		}
		finally {
			renewal.cancel(false);
			// Still ours when the runner stopped early (the service is stopping): free it
			// for the next instance at once instead of after the lease.
			this.store.release(id, this.owner);
		}
	}

	private void renew(ImportJob job) {
		try {
			Instant now = this.clock.instant();
			if (!this.store.renew(job.id(), this.owner, now, now.plus(this.properties.lease()))) {
				job.lose();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Renewing the claim on import {} failed", job.id(), ex);
		}
	}

}
