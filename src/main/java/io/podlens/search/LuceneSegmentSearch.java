package io.podlens.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

import org.springframework.stereotype.Service;

/** {@link SegmentSearch} on the embedded Lucene index. */
@Service
class LuceneSegmentSearch implements SegmentSearch {

	private static final Logger log = LoggerFactory.getLogger(LuceneSegmentSearch.class);

	static final int REBUILD_BATCH_SIZE = 500;

	/** Relevance first; equal scores in a stable, readable order. */
	private static final Sort ORDER = new Sort(SortField.FIELD_SCORE,
			new SortField(SegmentDocuments.EPISODE_ID, SortField.Type.LONG),
			new SortField(SegmentDocuments.START_MS, SortField.Type.LONG));

	private final LuceneIndex index;

	private final QueryTranslator translator;

	private final SegmentSource source;

	private final EpisodeKeywords keywords = new EpisodeKeywords();

	LuceneSegmentSearch(LuceneIndex index, QueryTranslator translator, SegmentSource source) {
		this.index = index;
		this.translator = translator;
		this.source = source;
	}

	@Override
	public void index(Collection<StoredSegment> segments) {
		if (!segments.isEmpty()) {
			this.index.update(segments);
		}
	}

	@Override
	public void deleteEpisode(long episodeId) {
		this.index.deleteEpisode(episodeId);
	}

	@Override
	public SearchResult search(SearchQuery query) {
		Query lucene = this.translator.translate(query);
		int from = query.page() * query.size();
		try {
			return this.index.search((searcher) -> page(searcher, lucene, query, from));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw QueryTranslator.tooManyClauses();
		}
	}

	@Override
	public Optional<List<Keyword>> keywords(long episodeId, int limit) {
		List<Keyword> found = this.index.search((searcher) -> this.keywords.of(searcher, episodeId, limit));
		return (found.isEmpty() && !this.index.search((searcher) -> hasEpisode(searcher, episodeId))) ? Optional.empty()
				: Optional.of(found);
	}

	private static boolean hasEpisode(IndexSearcher searcher, long episodeId) throws IOException {
		return searcher.count(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId)) > 0;
	}

	@Override
	public RebuildReport rebuild() {
		long started = System.nanoTime();
		long count = this.index.replaceAll((sink) -> this.source.forEachBatch(REBUILD_BATCH_SIZE, sink));
		RebuildReport report = new RebuildReport(count, (System.nanoTime() - started) / 1_000_000);
		log.info("Rebuilt the search index: {} segments in {} ms", report.segments(), report.tookMs());
		return report;
	}

	@Override
	public IndexStats stats() {
		return this.index.stats();
	}

	/**
	 * Rebuilds when the index misses segments the database has, holds segments it lacks,
	 * or was written by another schema version.
	 * @return whether a rebuild ran
	 */
	boolean rebuildIfStale() {
		IndexStats stats = stats();
		long dbCount = this.source.segmentCount();
		long dbMax = this.source.maxSegmentId();
		boolean stale = stats.documents() != dbCount || stats.maxSegmentId() < dbMax || !this.index.schemaCurrent();
		if (stale) {
			log.info("Search index is stale ({} documents, max segment id {}; database {} segments, max id {})",
					stats.documents(), stats.maxSegmentId(), dbCount, dbMax);
			rebuild();
		}
		return stale;
	}

	private SearchResult page(IndexSearcher searcher, Query lucene, SearchQuery query, int from) throws IOException {
		// Threshold MAX_VALUE: count every hit so that total is exact, not a lower bound.
		TopFieldDocs top = searcher.search(lucene,
				new TopFieldCollectorManager(ORDER, from + query.size(), null, Integer.MAX_VALUE, false));
		ScoreDoc[] pageDocs = (from < top.scoreDocs.length)
				? Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length) : new ScoreDoc[0];
		List<SearchHit> hits = new ArrayList<>(pageDocs.length);
		if (pageDocs.length > 0) {
			String[] snippets = Snippets.of(searcher, lucene, new TopDocs(top.totalHits, pageDocs));
			StoredFields stored = searcher.storedFields();
			for (int i = 0; i < pageDocs.length; i++) {
				Document doc = stored.document(pageDocs[i].doc);
				// The score is the first sort value.
				float score = (Float) ((FieldDoc) pageDocs[i]).fields[0];
				hits.add(SegmentDocuments.toHit(doc, snippets[i], score));
			}
		}
		return new SearchResult(top.totalHits.value, query.page(), query.size(), hits);
	}

}
