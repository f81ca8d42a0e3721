package io.podlens.bulkimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.common.PodlensException;
import io.podlens.episode.BulkIndexing;
import io.podlens.episode.EpisodeImports;
import io.podlens.episode.NewEpisodeRequest;
import io.podlens.episode.ValidatedEpisode;

import org.springframework.stereotype.Component;

/**
 * Works through a job's spooled NDJSON: each line is parsed and validated on its own,
 * valid episodes are stored in batches (one transaction each, the job's progress written
 * in the same transaction), two batches at a time; their index writes are committed
 * together, and the job is done once {@link BulkIndexing#flush()} made every stored
 * episode durable in the index and searchable. When a batch fails, its episodes are
 * stored one by one so that only the culprit fails. Lines the job handled before (it is
 * resumed after a crash or a stop) are skipped.
 */
@Component
class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final EpisodeImports episodes;

	private final JsonMapper json;

	private final ImportProperties properties;

	private final BulkIndexing indexing;

	/** Batches in flight; two keep the database and the index busy at the same time. */
	private static final int STORE_THREADS = 2;

	private final ExecutorService storers;

	ImportRunner(EpisodeImports episodes, JsonMapper json, ImportProperties properties, BulkIndexing indexing) {
		this.episodes = episodes;
		this.indexing = indexing;
		this.json = json;
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.storers = Executors.newFixedThreadPool(STORE_THREADS, (task) -> {
			Thread thread = new Thread(task, "bulk-import-store-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		this.storers.shutdownNow();
	}

	void run(ImportJob job) {
		Batch batch = new Batch();
		Map<String, Long> firstLineOfKey = new HashMap<>();
		StoreStage stage = new StoreStage(job);
		try (InputStream in = new BufferedInputStream(job.open(), 1 << 16)) {
			NdjsonLines.Reader lines = new NdjsonLines.Reader(in, this.properties.maxLineBytes());
			while (lines.next()) {
				// Lines handled before a crash or a stop are skipped, not parsed again.
				if (lines.blank() || job.handled(lines.number())) {
					continue;
				}
				job.checkClaim();
				ValidatedEpisode episode = read(job, lines);
				if (episode == null || duplicateInJob(job, lines.number(), episode, firstLineOfKey)) {
					continue;
				}
				batch.add(lines.number(), episode);
				if (batch.segments >= this.properties.batchSegments()
						|| batch.size() >= this.properties.batchEpisodes()) {
					stage.submit(batch);
					batch = new Batch();
				}
			}
			stage.submit(batch);
			stage.await();
			// Done means searchable: the batches' index writes did not wait for it.
			this.indexing.flush();
			job.finish();
		}
		catch (ImportJobStore.LostClaimException ex) {
			stage.abandon();
			log.warn("Import {} stopped here: its claim ran out and another instance may resume it", job.id());
		}
		catch (IOException | RuntimeException ex) {
			stage.abandon();
			log.error("Import {} broke off", job.id(), ex);
			job.abort("the import broke off: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			// The service is stopping: the job stays running and is resumed by the next
			// instance that claims it.
			stage.abandon();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A later line with the same podcast and externalId as an earlier line of this import
	 * fails, whichever of the two batches happens to be stored first.
	 */
	private static boolean duplicateInJob(ImportJob job, long line, ValidatedEpisode episode,
			Map<String, Long> firstLineOfKey) {
		String key = episode.uniqueKey();
		if (key == null) {
			return false;
		}
		Long first = firstLineOfKey.putIfAbsent(key, line);
		if (first == null) {
			return false;
		}
		job.failed(new ImportError(line,
				"externalId '" + episode.externalId() + "' is already used by line " + first + " of this import",
				"externalId", null));
		return true;
	}

	/** The line as a validated episode, or null after recording why it is not one. */
	private @Nullable ValidatedEpisode read(ImportJob job, NdjsonLines.Reader lines) {
		long number = lines.number();
		if (lines.tooLong()) {
			job.failed(new ImportError(number, "the line is longer than " + this.properties.maxLineBytes()
					+ " bytes (podlens.import.max-line-bytes)", null, null));
			return null;
		}
		NewEpisodeRequest request;
		try {
			request = this.json.readValue(lines.bytes(), NewEpisodeRequest.class);
		}
		catch (JacksonException ex) {
			job.failed(new ImportError(number, "not a JSON episode object: " + ex.getOriginalMessage(), fieldOf(ex),
					null));
			return null;
		}
		try {
			return this.episodes.validate(request);
		}
		catch (PodlensException ex) {
			job.failed(error(number, ex));
			return null;
		}
	}

	private void store(ImportJob job, Batch batch) {
		if (batch.size() == 0) {
			return;
		}
		try {
			job.store(batch.lines, batch.segments, () -> this.episodes.storeAll(batch.episodes));
			return;
		}
		catch (ImportJobStore.LostClaimException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.debug("Batch of {} episodes failed, storing them one by one", batch.size(), ex);
		}
		for (int i = 0; i < batch.size(); i++) {
			ValidatedEpisode episode = batch.episodes.get(i);
			try {
				job.store(List.of(batch.lines.get(i)), episode.segmentCount(),
						() -> this.episodes.storeAll(List.of(episode)));
			}
			catch (ImportJobStore.LostClaimException ex) {
				throw ex;
			}
			catch (PodlensException ex) {
				job.failed(error(batch.lines.get(i), ex));
			}
			catch (RuntimeException ex) {
				log.warn("Import {} line {} failed", job.id(), batch.lines.get(i), ex);
				job.failed(new ImportError(batch.lines.get(i), "could not be stored: " + ex.getClass().getSimpleName(),
						null, null));
			}
		}
	}

	private static ImportError error(long line, PodlensException ex) {
		Object field = ex.properties().get("field");
		Object transcriptLine = ex.properties().get("line");
		return new ImportError(line, ex.getMessage(), (field != null) ? field.toString() : null,
				(transcriptLine instanceof Integer n) ? n : null);
	}

	/** The JSON path of a type or format mismatch, such as {@code publishedAt}. */
	private static String fieldOf(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map((ref) -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse(null);
		return path;
	}

	/**
	 * Stores batches on two threads while the reader parses the next one: one batch's
	 * database transaction overlaps the other's indexing (which holds the index's write
	 * lock), so the database, the analysers and the JSON reader share the cores instead
	 * of taking turns. At most two batches are in flight.
	 */
	private final class StoreStage {

		private final ImportJob job;

		private final Semaphore slots = new Semaphore(STORE_THREADS);

		private final List<Future<?>> running = new ArrayList<>();

		StoreStage(ImportJob job) {
			this.job = job;
		}

		void submit(Batch batch) throws InterruptedException {
			if (batch.size() == 0) {
				return;
			}
			this.slots.acquire();
			this.running.removeIf(Future::isDone);
			this.running.add(ImportRunner.this.storers.submit(() -> {
				try {
					store(this.job, batch);
				}
				finally {
					this.slots.release();
				}
			}));
		}

		void await() throws InterruptedException {
			for (Future<?> batch : this.running) {
				try {
					batch.get();
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof ImportJobStore.LostClaimException lost) {
						throw lost;
					}
					throw new IllegalStateException("storing a batch failed", ex.getCause());
				}
			}
		}

		void abandon() {
			this.running.forEach((batch) -> batch.cancel(false));
		}

	}

	private static final class Batch {

		private final List<ValidatedEpisode> episodes = new ArrayList<>();

		private final List<Long> lines = new ArrayList<>();

		private long segments;

		void add(long line, ValidatedEpisode episode) {
			this.episodes.add(episode);
			this.lines.add(line);
			this.segments += episode.segmentCount();
		}

		int size() {
			return this.episodes.size();
		}

	}

}
