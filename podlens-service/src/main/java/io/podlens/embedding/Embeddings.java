package io.podlens.embedding;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What semantic search needs of the embedding feature: the model's query vectors and the
 * stored vectors of segments. Present only when {@code podlens.embedding.enabled}; the
 * model has been loaded and checked when the bean exists.
 */
public interface Embeddings {

	/**
	 * Identifies the model; vectors of different models are never compared.
	 */
	String modelId();

	/** Length of every vector. */
	int dimensions();

	/**
	 * The vector of a search query (unit length; compare by dot product).
	 */
	float[] embedQuery(String query);

	/**
	 * The vector of a search query, computed beside the caller (so that a hybrid search
	 * runs its keyword ranking meanwhile); on the caller's thread when every query thread
	 * is busy. This default computes it on the caller's thread.
	 */
	default CompletableFuture<float[]> embedQueryAsync(String query) {
		return CompletableFuture.completedFuture(embedQuery(query));
	}

	/**
	 * The stored vectors of those of the segments that the current model has embedded;
	 * segments not embedded yet are absent.
	 */
	Map<Long, float[]> vectorsOf(Collection<Long> segmentIds);

	/** How far the background worker is. */
	EmbeddingProgress progress();

}
