package io.podlens.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.store.FSDirectory;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.embedding.Embeddings;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.TopicFixtures;

/**
 * The search package's own Lucene code for the benchmark driver (io.podlens.bench):
 * indexing with the service's analyzer and document mapping, and searching an index
 * directory with the service's query translation, sorting and highlighting, but without
 * HTTP, Spring or the database.
 */
public final class BenchLucene implements AutoCloseable {

	private final LuceneIndex index;

	private final LuceneSegmentSearch search;

	private BenchLucene(LuceneIndex index, LuceneSegmentSearch search) {
		this.index = index;
		this.search = search;
	}

	/**
	 * Indexes the segments (in episode order) into a new index at {@code dir} with a
	 * plain IndexWriter (addDocument, one commit at the end), with the service's
	 * analyzers and document mapping, contexts included: the same index the service
	 * builds, without HTTP, JSON or the database.
	 * @return the number of documents indexed
	 */
	public static long indexRaw(Path dir, Iterator<StoredSegment> segments) throws IOException {
		return indexRaw(dir, segments, SearchSettings.defaults().contextWindow());
	}

	/**
	 * {@link #indexRaw(Path, Iterator)} with another context window
	 * ({@link Duration#ZERO} for none), to measure what contexts cost.
	 */
	public static long indexRaw(Path dir, Iterator<StoredSegment> segments, Duration contextWindow) throws IOException {
		return indexRaw(dir, segments, contextWindow, new IndexWriterConfig(LuceneIndex.analyzer()), "",
				(batch) -> Map.of());
	}

	/**
	 * {@link #indexRaw(Path, Iterator)} with the embeddings of a model, written with the
	 * service's codec (quantized HNSW), for measuring semantic and hybrid search.
	 * @param vectors the vectors of a batch of segments, by segment id
	 */
	public static long indexRaw(Path dir, Iterator<StoredSegment> segments, String modelId,
			Function<List<StoredSegment>, Map<Long, float[]>> vectors) throws IOException {
		return indexRaw(dir, segments, SearchSettings.defaults().contextWindow(), LuceneIndex.writerConfig(),
				SegmentDocuments.vectorField(modelId), vectors);
	}

	private static long indexRaw(Path dir, Iterator<StoredSegment> segments, Duration contextWindow,
			IndexWriterConfig config, String vectorField, Function<List<StoredSegment>, Map<Long, float[]>> vectors)
			throws IOException {
		config.setOpenMode(OpenMode.CREATE);
		long count = 0;
		Passages.Stream passages = new Passages.Stream(contextWindow.toMillis());
		SegmentDocuments.Builder documents = new SegmentDocuments.Builder();
		try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
			List<StoredSegment> batch = new ArrayList<>(RAW_BATCH);
			while (segments.hasNext()) {
				batch.add(segments.next());
				if (batch.size() == RAW_BATCH || !segments.hasNext()) {
					SegmentVectors batchVectors = new SegmentVectors(vectorField, vectors.apply(batch));
					Passages.Ready ready = passages.accept(batch, SegmentTopics.NONE, batchVectors);
					for (Passages.Passage passage : ready.passages()) {
						writer.addDocument(documents.build(passage, SegmentTopics.NONE, ready.vectors()));
						count++;
					}
					batch = new ArrayList<>(RAW_BATCH);
				}
			}
			Passages.Ready rest = passages.finish();
			for (Passages.Passage passage : rest.passages()) {
				writer.addDocument(documents.build(passage, SegmentTopics.NONE, rest.vectors()));
				count++;
			}
			writer.commit();
		}
		return count;
	}

	/** Segments handed to the passage stream at a time, as a rebuild batch. */
	private static final int RAW_BATCH = 500;

	/** Opens the index below {@code dataDir} (the service must not be running on it). */
	public static BenchLucene open(Path dataDir) throws IOException {
		return open(dataDir, Optional.empty());
	}

	/**
	 * Opens the index below {@code dataDir} with an embedding model, for semantic and
	 * hybrid search (the search settings' defaults).
	 */
	public static BenchLucene open(Path dataDir, Embeddings embeddings) throws IOException {
		return open(dataDir, Optional.of(embeddings));
	}

	private static BenchLucene open(Path dataDir, Optional<Embeddings> embeddings) throws IOException {
		PodlensProperties properties = TestPodlensProperties.withDataDir(dataDir);
		LuceneIndex index = new LuceneIndex(properties, SearchSettings.defaults());
		// The default taxonomy, so that topic= and the alias tier run on the indexed
		// topic
		// ids as in the service; there is no mention store, so mention hits are not
		// marked.
		FakeTopicLookup lookup = new FakeTopicLookup(TopicFixtures.defaultTopics());
		TopicMatches topics = new TopicMatches(FakeTopicLookup.provider(lookup));
		// The service's cross-lingual expansion (glossary and the same taxonomy, default
		// settings), so that both sides of the benchmark run the same queries.
		CrossLingualExpansion expansion = new CrossLingualExpansion(Glossary.shipped(), () -> lookup,
				ExpansionProperties.defaults());
		LuceneSegmentSearch search = new LuceneSegmentSearch(index,
				new QueryTranslator(properties, SearchSettings.defaults(), expansion), new NoSource(), topics,
				SearchSettings.defaults(), embeddings, SemanticSearchProperties.defaults());
		return new BenchLucene(index, search);
	}

	/** The same call the search endpoint makes. */
	public SearchResult search(SearchQuery query) {
		return this.search.search(query);
	}

	@Override
	public void close() throws IOException {
		this.index.destroy();
	}

	/** Searching needs no database. */
	private static final class NoSource implements SegmentSource {

		@Override
		public long segmentCount() {
			throw new UnsupportedOperationException();
		}

		@Override
		public long maxSegmentId() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void forEachBatch(int batchSize, Consumer<List<StoredSegment>> batch) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<StoredSegment> segmentsOf(long episodeId) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<StoredSegment> segmentsOf(java.util.Collection<Long> episodeIds) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<StoredSegment> segmentsById(java.util.Collection<Long> segmentIds) {
			throw new UnsupportedOperationException();
		}

	}

}
