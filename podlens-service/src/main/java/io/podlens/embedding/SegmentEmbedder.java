package io.podlens.embedding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Embeds the segments of stored episodes that have no vector of the current model yet, in
 * chunks of {@code chunk-segments}: each chunk's passages are looked up by hash first
 * (identical text is embedded once, ever), the rest run through the model in batches of
 * similar length, and the chunk's rows are stored in one transaction that also publishes
 * {@link SegmentsEmbedded} for the index. Whatever was stored stays stored, so work
 * interrupted by a stop resumes with the segments that have no row yet.
 */
class SegmentEmbedder {

	private static final Logger log = LoggerFactory.getLogger(SegmentEmbedder.class);

	private final SentenceEncoder encoder;

	private final EmbeddingStore store;

	private final SegmentSource source;

	private final EpisodeCatalog catalog;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Passages passages;

	private final int chunkSegments;

	private final int batchSize;

	private final AtomicLong segmentsStored = new AtomicLong();

	private final AtomicLong textsEmbedded = new AtomicLong();

	private final AtomicLong modelNanos = new AtomicLong();

	SegmentEmbedder(SentenceEncoder encoder, EmbeddingStore store, SegmentSource source, EpisodeCatalog catalog,
			TransactionTemplate transactions, ApplicationEventPublisher events, EmbeddingProperties properties) {
		this.encoder = encoder;
		this.store = store;
		this.source = source;
		this.catalog = catalog;
		this.transactions = transactions;
		this.events = events;
		this.passages = new Passages(properties.window(), properties.maxChars());
		this.chunkSegments = properties.chunkSegments();
		this.batchSize = properties.batchSize();
	}

	/**
	 * Embeds what the episodes still lack; episodes deleted meanwhile are skipped.
	 * @param beforeModelRun called before each model run (the worker yields to imports
	 * there)
	 */
	void embedEpisodes(List<Long> episodeIds, Runnable beforeModelRun) {
		String model = this.encoder.model().id();
		List<Pending> chunk = new ArrayList<>();
		for (long episodeId : episodeIds) {
			List<StoredSegment> segments = this.source.segmentsOf(episodeId);
			if (segments.isEmpty()) {
				continue;
			}
			Set<Long> done = new HashSet<>(
					this.store.embedded(model, segments.stream().map(StoredSegment::segmentId).toList()));
			if (done.size() == segments.size()) {
				continue;
			}
			List<String> texts = this.passages.of(segments);
			for (int i = 0; i < segments.size(); i++) {
				StoredSegment segment = segments.get(i);
				if (!done.contains(segment.segmentId())) {
					chunk.add(new Pending(segment.segmentId(), episodeId, this.encoder.passageText(texts.get(i))));
					if (chunk.size() >= this.chunkSegments) {
						flush(model, chunk, beforeModelRun);
						chunk.clear();
					}
				}
			}
		}
		if (!chunk.isEmpty()) {
			flush(model, chunk, beforeModelRun);
		}
	}

	/** Segments stored, texts run through the model and the model's time, since start. */
	long[] counters() {
		return new long[] { this.segmentsStored.get(), this.textsEmbedded.get(), this.modelNanos.get() };
	}

	private void flush(String model, List<Pending> chunk, Runnable beforeModelRun) {
		Map<Long, String> hashes = new LinkedHashMap<>();
		Map<String, String> texts = new HashMap<>();
		for (Pending pending : chunk) {
			String hash = hash(pending.text());
			hashes.put(pending.segmentId(), hash);
			texts.putIfAbsent(hash, pending.text());
		}
		Map<String, float[]> known = this.store.cached(model, texts.keySet());
		List<String> missing = new ArrayList<>(texts.keySet());
		missing.removeAll(known.keySet());
		// Texts of similar length share a batch, so that little of it is padding.
		missing.sort(Comparator.comparingInt((String hash) -> texts.get(hash).length()));
		Map<String, float[]> fresh = new HashMap<>();
		for (int from = 0; from < missing.size(); from += this.batchSize) {
			List<String> batch = missing.subList(from, Math.min(missing.size(), from + this.batchSize));
			beforeModelRun.run();
			long started = System.nanoTime();
			float[][] vectors = this.encoder.embedPrepared(batch.stream().map(texts::get).toList());
			this.modelNanos.addAndGet(System.nanoTime() - started);
			for (int i = 0; i < batch.size(); i++) {
				fresh.put(batch.get(i), vectors[i]);
			}
		}
		this.textsEmbedded.addAndGet(fresh.size());
		try {
			store(model, fresh, hashes);
		}
		catch (DataIntegrityViolationException ex) {
			// An episode was deleted while its segments were embedded: keep the vectors
			// (they are a cache) and the rows of the episodes that still exist.
			Set<Long> gone = new HashSet<>();
			for (Pending pending : chunk) {
				if (!gone.contains(pending.episodeId()) && !this.catalog.exists(pending.episodeId())) {
					gone.add(pending.episodeId());
				}
			}
			if (gone.isEmpty()) {
				throw ex;
			}
			log.debug("Episodes {} were deleted while they were embedded", gone, ex);
			for (Pending pending : chunk) {
				if (gone.contains(pending.episodeId())) {
					hashes.remove(pending.segmentId());
				}
			}
			store(model, fresh, hashes);
		}
		this.segmentsStored.addAndGet(hashes.size());
	}

	private void store(String model, Map<String, float[]> fresh, Map<Long, String> hashes) {
		this.transactions.executeWithoutResult((status) -> {
			this.store.store(model, fresh, hashes);
			if (!hashes.isEmpty()) {
				this.events.publishEvent(new SegmentsEmbedded(List.copyOf(hashes.keySet())));
			}
		});
	}

	/** SHA-256 of the passage as the model reads it, in hex. */
	static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	private record Pending(long segmentId, long episodeId, String text) {
	}

}
