package io.podlens.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.IOUtils;

import io.podlens.episode.StoredSegment;

import org.springframework.stereotype.Component;

/**
 * {@link EpisodeQueries} on a Lucene index in memory. Not tied to the backend: the
 * documents are built by {@link SegmentDocuments} and analysed by
 * {@link LuceneIndex#analyzer()}, the queries by {@link Tier#keyword} and the hits by
 * {@link TierHits}, as in the embedded index.
 */
@Component
class InMemoryEpisodeQueries implements EpisodeQueries {

	/** Large enough that an episode is flushed once; nothing is merged. */
	private static final double RAM_BUFFER_MB = 256;

	private final QueryTranslator translator;

	private final TopicMatches topics;

	private final long contextWindowMs;

	InMemoryEpisodeQueries(QueryTranslator translator, TopicMatches topics, SearchProperties properties) {
		this.translator = translator;
		this.topics = topics;
		this.contextWindowMs = properties.contextWindow().toMillis();
	}

	@Override
	public EpisodeIndex index(List<StoredSegment> segments, boolean soundsLike) {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		// No merges, one thread: document ids follow the order documents are added in,
		// which Passages gives as transcript order; hits are sorted by it.
		IndexWriterConfig config = new IndexWriterConfig(LuceneIndex.analyzer()).setMergePolicy(NoMergePolicy.INSTANCE)
			.setRAMBufferSizeMB(RAM_BUFFER_MB)
			.setCommitOnClose(true);
		try {
			try (IndexWriter writer = new IndexWriter(directory, config)) {
				SegmentTopics mentioned = this.topics.of(segments);
				// Only the fields queries match: no keyword statistics or mention counts.
				SegmentDocuments.Builder documents = new SegmentDocuments.Builder(false, soundsLike);
				for (Passages.Passage passage : Passages.of(segments, this.contextWindowMs)) {
					writer.addDocument(documents.build(passage, mentioned));
				}
			}
			DirectoryReader reader = DirectoryReader.open(directory);
			IndexSearcher searcher = new IndexSearcher(reader);
			// Each query runs once per episode: caching would only cost.
			searcher.setQueryCache(null);
			return new Open(searcher, reader, directory, soundsLike);
		}
		catch (IOException ex) {
			IOUtils.closeWhileHandlingException(directory);
			throw new UncheckedIOException("Indexing an episode in memory failed", ex);
		}
	}

	private final class Open implements EpisodeIndex {

		private final IndexSearcher searcher;

		private final DirectoryReader reader;

		private final ByteBuffersDirectory directory;

		private final boolean soundsLike;

		Open(IndexSearcher searcher, DirectoryReader reader, ByteBuffersDirectory directory, boolean soundsLike) {
			this.searcher = searcher;
			this.reader = reader;
			this.directory = directory;
			this.soundsLike = soundsLike;
		}

		@Override
		public SearchResult search(SearchQuery query) {
			if (query.mode() != SearchMode.KEYWORD) {
				throw new IllegalArgumentException("an episode's in-memory index runs keyword queries only");
			}
			if (query.soundsLike() && !this.soundsLike) {
				throw new IllegalStateException("this episode index was built without sounds-like matching");
			}
			Query restriction = (query.topic() != null) ? InMemoryEpisodeQueries.this.topics.ofTopic(query.topic())
					: null;
			try {
				List<Tier> tiers = Tier.keyword(InMemoryEpisodeQueries.this.translator,
						InMemoryEpisodeQueries.this.topics, query, restriction);
				return tiered(query, tiers);
			}
			catch (IndexSearcher.TooManyClauses ex) {
				throw QueryTranslator.tooManyClauses();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * A segment matches at most one tier (each excludes the ones before it): the
		 * first documents of every tier, merged in document (transcript) order.
		 */
		private SearchResult tiered(SearchQuery query, List<Tier> tiers) throws IOException {
			int from = query.page() * query.size();
			int wanted = from + query.size();
			long total = 0;
			List<Found> found = new ArrayList<>();
			for (int t = 0; t < tiers.size(); t++) {
				TopFieldDocs top = this.searcher.search(tiers.get(t).query(),
						new TopFieldCollectorManager(Sort.INDEXORDER, wanted, null, Integer.MAX_VALUE, false));
				total += top.totalHits.value;
				for (ScoreDoc doc : top.scoreDocs) {
					found.add(new Found(doc, t));
				}
			}
			found.sort(Comparator.comparingInt((Found f) -> f.doc().doc));
			List<Found> page = (from < found.size()) ? found.subList(from, Math.min(found.size(), wanted)) : List.of();
			SearchHit[] hits = new SearchHit[page.size()];
			for (int t = 0; t < tiers.size(); t++) {
				List<Integer> positions = new ArrayList<>();
				for (int i = 0; i < page.size(); i++) {
					if (page.get(i).tier() == t) {
						positions.add(i);
					}
				}
				if (positions.isEmpty()) {
					continue;
				}
				ScoreDoc[] docs = positions.stream().map((i) -> page.get(i).doc()).toArray(ScoreDoc[]::new);
				TopFieldCollector.populateScores(docs, this.searcher, tiers.get(t).query());
				float[] scores = new float[docs.length];
				for (int i = 0; i < docs.length; i++) {
					scores[i] = docs[i].score;
				}
				List<SearchHit> ofTier = TierHits.of(this.searcher, tiers.get(t), docs, scores,
						InMemoryEpisodeQueries.this.topics);
				for (int i = 0; i < docs.length; i++) {
					hits[positions.get(i)] = ofTier.get(i);
				}
			}
			return new SearchResult(total, true, query.page(), query.size(), List.of(hits));
		}

		@Override
		public void close() {
			try {
				IOUtils.close(this.reader, this.directory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	private record Found(ScoreDoc doc, int tier) {
	}

}
