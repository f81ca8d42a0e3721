package io.podlens.embedding;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.embedding.}: the embedding model of semantic search and
 * the background worker that embeds stored segments.
 *
 * @param enabled whether segments are embedded and semantic and hybrid search are
 * offered; when false no model is loaded
 * @param model which shipped model embeds segments and queries ({@code bge-small-zh} or
 * {@code bge-small-en}); changing it embeds every segment again
 * @param modelDir a directory with {@code model.onnx} and {@code tokenizer.json} to use
 * instead of the model in the jar (same architecture as {@code model}), or {@code null}
 * @param nativeDir where the native libraries of ONNX Runtime and the tokenizer are
 * unpacked; {@code null} means {@code native} below {@code podlens.data-dir}
 * @param threads threads one model run may use (the worker runs one model run at a time;
 * the rest of the machine stays for imports and searches)
 * @param batchSize texts per model run
 * @param maxTokens longest text the model reads, in tokens; longer passages are cut
 * @param window what the model reads of a segment: its text and that of the following
 * segments starting within this time (a few seconds of speech say little on their own)
 * @param maxChars longest passage in characters (a segment's own text is always kept)
 * @param chunkSegments segments embedded and stored per transaction; each chunk is one
 * index write
 * @param queryInstruction whether queries get BGE's retrieval instruction
 * @param queryCache query vectors kept in memory (paging a query embeds it once)
 * @param quietAfter the worker runs the model only when no import or search is in flight
 * and none ended for this long (and no bulk import runs), so that it does not slow a
 * stream of imports or searches
 */
@ConfigurationProperties("podlens.embedding")
public record EmbeddingProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("bge-small-zh") EmbeddingModelChoice model, @Nullable Path modelDir, @Nullable Path nativeDir,
		@DefaultValue("1") int threads, @DefaultValue("32") int batchSize, @DefaultValue("256") int maxTokens,
		@DefaultValue("20s") Duration window, @DefaultValue("600") int maxChars, @DefaultValue("256") int chunkSegments,
		@DefaultValue("false") boolean queryInstruction, @DefaultValue("1000") int queryCache,
		@DefaultValue("1s") Duration quietAfter) {

	public EmbeddingProperties {
		if (threads < 1) {
			throw new IllegalArgumentException("podlens.embedding.threads must be at least 1");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("podlens.embedding.batch-size must be at least 1");
		}
		if (maxTokens < 8 || maxTokens > 512) {
			throw new IllegalArgumentException("podlens.embedding.max-tokens must be between 8 and 512");
		}
		if (window.isNegative()) {
			throw new IllegalArgumentException("podlens.embedding.window must not be negative");
		}
		if (maxChars < 1) {
			throw new IllegalArgumentException("podlens.embedding.max-chars must be at least 1");
		}
		if (chunkSegments < 1) {
			throw new IllegalArgumentException("podlens.embedding.chunk-segments must be at least 1");
		}
		if (quietAfter.isNegative()) {
			throw new IllegalArgumentException("podlens.embedding.quiet-after must not be negative");
		}
		if (queryCache < 0) {
			throw new IllegalArgumentException("podlens.embedding.query-cache must not be negative");
		}
	}

}
