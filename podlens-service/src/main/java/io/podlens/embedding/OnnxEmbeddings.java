package io.podlens.embedding;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.podlens.episode.SegmentSource;

/**
 * {@link Embeddings} with the loaded model and the store; query vectors of recent queries
 * are kept, so that paging through a query embeds it once. The model is closed by its own
 * bean, after the worker that uses it has stopped.
 */
class OnnxEmbeddings implements Embeddings {

	private final SentenceEncoder encoder;

	private final EmbeddingStore store;

	private final SegmentSource source;

	private final EmbeddingWorker worker;

	private final Map<String, float[]> recentQueries;

	OnnxEmbeddings(SentenceEncoder encoder, EmbeddingStore store, SegmentSource source, EmbeddingWorker worker,
			int queryCache) {
		this.encoder = encoder;
		this.store = store;
		this.source = source;
		this.worker = worker;
		this.recentQueries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
				return size() > queryCache;
			}
		};
	}

	@Override
	public String modelId() {
		return this.encoder.model().id();
	}

	@Override
	public int dimensions() {
		return this.encoder.dimensions();
	}

	@Override
	public float[] embedQuery(String query) {
		synchronized (this.recentQueries) {
			float[] known = this.recentQueries.get(query);
			if (known != null) {
				return known.clone();
			}
		}
		float[] vector = this.encoder.embedQuery(query);
		synchronized (this.recentQueries) {
			this.recentQueries.put(query, vector);
		}
		return vector.clone();
	}

	@Override
	public Map<Long, float[]> vectorsOf(Collection<Long> segmentIds) {
		return segmentIds.isEmpty() ? Map.of() : this.store.vectorsOf(modelId(), segmentIds);
	}

	@Override
	public EmbeddingProgress progress() {
		long segments = this.source.segmentCount();
		long embedded = this.store.embeddedCount(modelId());
		return new EmbeddingProgress(modelId(), dimensions(), segments, embedded, Math.max(0, segments - embedded),
				this.worker.queued(), this.store.distinctTexts(modelId()));
	}

}
