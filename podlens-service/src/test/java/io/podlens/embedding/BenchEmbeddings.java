package io.podlens.embedding;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.podlens.episode.StoredSegment;

/**
 * The embedding feature's model for the benchmark driver (io.podlens.bench): the passages
 * of an episode as the background worker embeds them, their vectors, and the query side
 * as semantic search uses it, without Spring or the database.
 */
public final class BenchEmbeddings implements AutoCloseable {

	private final SentenceEncoder encoder;

	private final Passages passages;

	private final OnnxEmbeddings queries;

	private BenchEmbeddings(SentenceEncoder encoder, EmbeddingProperties defaults) {
		this.encoder = encoder;
		this.passages = new Passages(defaults.window(), defaults.maxChars());
		// No store, source or worker: only the query side is used; no query cache, so
		// that every search embeds its query as a user's first request does.
		this.queries = new OnnxEmbeddings(encoder, null, null, null, 0);
	}

	/**
	 * The default model with the default settings, natives unpacked below
	 * {@code nativeDir}.
	 * @param threads threads of one model run (the service's default is 1)
	 */
	public static BenchEmbeddings load(Path nativeDir, int threads) {
		EmbeddingProperties defaults = new EmbeddingProperties(true, EmbeddingModelChoice.BGE_SMALL_ZH, null, nativeDir,
				threads, 32, 256, Duration.ofSeconds(20), 600, 256, false, 0, Duration.ofSeconds(1));
		SentenceEncoder encoder = SentenceEncoder.load(defaults.model(), null, nativeDir, defaults.threads(),
				defaults.maxTokens(), defaults.queryInstruction());
		return new BenchEmbeddings(encoder, defaults);
	}

	public String modelId() {
		return this.encoder.model().id();
	}

	/** The texts the model reads for the segments of one episode, in order. */
	public List<String> passages(List<StoredSegment> episode) {
		return this.passages.of(episode).stream().map(this.encoder::passageText).toList();
	}

	/** The vectors of passage texts. */
	public float[][] embed(List<String> passageTexts) {
		return this.encoder.embedPrepared(passageTexts);
	}

	/** What semantic search embeds queries with. */
	public Embeddings queries() {
		return this.queries;
	}

	@Override
	public void close() {
		this.queries.close();
		this.encoder.close();
	}

}
