package io.podlens.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.common.NotFoundException;
import io.podlens.common.PodlensProperties;
import io.podlens.common.RequestTooLargeException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accepts bulk imports and runs them one at a time on a background thread (writes are
 * serialized by the index anyway), with a bounded queue. A running import is
 * {@link ForegroundWork}: topic extraction waits for it. Jobs live in memory: a restart
 * forgets them and abandons a running one, while the episodes it already stored stay.
 */
@Component
class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final String MAX_BODY_SIZE = "podlens.import.max-body-size";

	private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

	private final ImportRunner runner;

	private final ForegroundWork foreground;

	private final ImportProperties properties;

	private final Path spoolDir;

	private final ThreadPoolExecutor worker;

	private final Clock clock = Clock.systemUTC();

	ImportJobs(ImportRunner runner, ImportProperties properties, PodlensProperties podlens, ForegroundWork foreground) {
		this.runner = runner;
		this.foreground = foreground;
		this.properties = properties;
		this.spoolDir = podlens.dataDir().resolve("imports");
		this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.queuedJobs())), (task) -> {
					Thread thread = new Thread(task, "bulk-import");
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Spools the body to a file under the data directory (memory stays flat whatever its
	 * size) and queues the job.
	 */
	ImportJob start(InputStream body, long declaredLength) {
		long limit = this.properties.maxBodySize().toBytes();
		if (declaredLength > limit) {
			throw RequestTooLargeException.body(limit, MAX_BODY_SIZE);
		}
		String id = UUID.randomUUID().toString();
		Path file = this.spoolDir.resolve(id + ".ndjson");
		long total;
		try {
			Files.createDirectories(this.spoolDir);
			try (OutputStream out = Files.newOutputStream(file)) {
				total = NdjsonLines.copyCounting(body, out, limit, MAX_BODY_SIZE);
			}
		}
		catch (IOException ex) {
			deleteQuietly(file);
			throw new UncheckedIOException("Spooling the import failed", ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(file);
			throw ex;
		}
		ImportJob job = new ImportJob(id, file, total, this.clock, this.properties.keptErrors());
		try {
			this.jobs.put(id, job);
			this.worker.execute(() -> run(job));
		}
		catch (RejectedExecutionException ex) {
			this.jobs.remove(id);
			deleteQuietly(file);
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Too many imports are waiting; try again when one has finished");
		}
		return job;
	}

	ImportJob get(String id) {
		ImportJob job = this.jobs.get(id);
		if (job == null) {
			throw new NotFoundException("Import", id);
		}
		return job;
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	private void run(ImportJob job) {
		try (ForegroundWork.Running running = this.foreground.begin()) {
			this.runner.run(job);
		}
		finally {
			deleteQuietly(job.file());
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete spooled import {}", file, ex);
		}
	}

}
