package io.podlens.embedding;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.podlens.episode.SegmentSource;

/**
 * {@link Embeddings} with the loaded model and the store; query vectors of recent queries
 * are kept, so that paging through a query embeds it once. The model is closed by its own
 * bean, after the worker that uses it has stopped.
 */
class OnnxEmbeddings implements Embeddings, AutoCloseable {

	private final SentenceEncoder encoder;

	private final EmbeddingStore store;

	private final SegmentSource source;

	private final EmbeddingWorker worker;

	private final Map<String, float[]> recentQueries;

	/**
	 * Embeds queries beside the request threads, one per core at most: with no thread
	 * free the caller embeds its query itself, so nothing waits in a queue.
	 */
	private final ThreadPoolExecutor queryThreads;

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
		AtomicInteger n = new AtomicInteger();
		this.queryThreads = new ThreadPoolExecutor(0, Runtime.getRuntime().availableProcessors(), 30, TimeUnit.SECONDS,
				new SynchronousQueue<>(), (task) -> {
					Thread thread = new Thread(task, "query-embedding-" + n.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
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
		float[] known = recent(query);
		if (known != null) {
			return known;
		}
		float[] vector = this.encoder.embedQuery(query);
		synchronized (this.recentQueries) {
			this.recentQueries.put(query, vector);
		}
		return vector.clone();
	}

	@Override
	public CompletableFuture<float[]> embedQueryAsync(String query) {
		float[] known = recent(query);
		return (known != null) ? CompletableFuture.completedFuture(known)
				: CompletableFuture.supplyAsync(() -> embedQuery(query), this.queryThreads);
	}

	private float @Nullable [] recent(String query) {
		synchronized (this.recentQueries) {
			float[] known = this.recentQueries.get(query);
			return (known != null) ? known.clone() : null;
		}
	}

	@Override
	public void close() {
		this.queryThreads.shutdownNow();
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
