package io.podlens.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.podlens.embedding.EmbeddingProgress;
import io.podlens.embedding.Embeddings;

/**
 * Vectors given by the test (no model): stored ones by segment, query vectors by text.
 * Vectors are given in a few dimensions (directions that stand for subjects) and made
 * unit length, padded with zeros to the model's length.
 */
final class FakeEmbeddings implements Embeddings {

	final Map<Long, float[]> stored = new HashMap<>();

	final Map<String, float[]> queries = new HashMap<>();

	/**
	 * How long a query vector takes to arrive (0: at once, on the caller's thread).
	 */
	volatile long delayMs;

	private final String modelId;

	private final int dimensions;

	/** 3 dimensions, a model id no configset knows (the embedded index only). */
	FakeEmbeddings() {
		this("fake-3d", 3);
	}

	/**
	 * @param modelId the model id, which names the vector field (a Solr collection has
	 * fields for the shipped models only)
	 * @param dimensions the vectors' length
	 */
	FakeEmbeddings(String modelId, int dimensions) {
		this.modelId = modelId;
		this.dimensions = dimensions;
	}

	/** A model id and length the Solr configset has a field for (bge-small-en). */
	static FakeEmbeddings shipped() {
		return new FakeEmbeddings("bge-small-en-v1.5-q", 384);
	}

	/** Stores the segment's vector. */
	void store(long segmentId, float... vector) {
		this.stored.put(segmentId, unit(vector));
	}

	/** The query's vector. */
	void query(String text, float... vector) {
		this.queries.put(text, unit(vector));
	}

	/** The vector at unit length, padded to the model's length. */
	float[] unit(float... vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		float[] unit = new float[this.dimensions];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / Math.sqrt(norm));
		}
		return unit;
	}

	@Override
	public String modelId() {
		return this.modelId;
	}

	@Override
	public int dimensions() {
		return this.dimensions;
	}

	@Override
	public float[] embedQuery(String query) {
		float[] vector = this.queries.get(query);
		if (vector == null) {
			throw new IllegalArgumentException("no vector for " + query);
		}
		return vector;
	}

	@Override
	public CompletableFuture<float[]> embedQueryAsync(String query) {
		if (this.delayMs == 0) {
			return CompletableFuture.completedFuture(embedQuery(query));
		}
		return CompletableFuture.supplyAsync(() -> embedQuery(query),
				CompletableFuture.delayedExecutor(this.delayMs, TimeUnit.MILLISECONDS));
	}

	@Override
	public Map<Long, float[]> vectorsOf(Collection<Long> segmentIds) {
		Map<Long, float[]> found = new HashMap<>();
		segmentIds.forEach((id) -> {
			if (this.stored.containsKey(id)) {
				found.put(id, this.stored.get(id));
			}
		});
		return found;
	}

	@Override
	public EmbeddingProgress progress() {
		return new EmbeddingProgress(this.modelId, this.dimensions, 0, 0, 0, 0, 0);
	}

}
