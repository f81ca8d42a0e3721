package io.podlens.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import org.jspecify.annotations.Nullable;

import io.podlens.text.lucene.PodlensAnalyzer;
import io.podlens.text.lucene.SoundAnalyzer;

/**
 * Builds HTML snippets for a page of hits with the UnifiedHighlighter, reading match
 * offsets from the postings (the text field is indexed with offsets).
 */
final class Snippets {

	/**
	 * Every text is one passage ({@link WholeBreakIterator}) and one passage is asked
	 * for, so there is nothing to rank; Lucene's scorer would fill a new
	 * {@code BytesRefHash} (a 32 KB block) per passage only to score it, about a third of
	 * what a keyword search allocated.
	 */
	private static final PassageScorer ONE_PASSAGE = new PassageScorer() {

		@Override
		public float score(Passage passage, int contentLength) {
			return 1;
		}

	};

	/** Longest snippet in characters, not counting markup. */
	static final int MAX_CHARS = 240;

	/** Texts longer than this are highlighted only in their first part. */
	private static final int MAX_HIGHLIGHT_LENGTH = 100_000;

	private static final SnippetFormatter FORMATTER = new SnippetFormatter(MAX_CHARS);

	/**
	 * Shared: an analyzer keeps its token streams per thread for reuse, and building one
	 * (the ICU tokenizer's break rules) costs more than analysing a segment.
	 */
	private static final Analyzer INDEX_ANALYZER = PodlensAnalyzer.forIndexing();

	private static final Analyzer SOUND_ANALYZER = new SoundAnalyzer();

	private Snippets() {
	}

	private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

	/**
	 * Snippets of sounds-like hits: the text is re-analysed with the sound analyzer,
	 * whose tokens carry the offsets of the original spelling, so the misheard word is
	 * marked.
	 */
	static String[] soundsLike(Query soundQuery, TopDocs page, Document[] docs) {
		String[] texts = new String[page.scoreDocs.length];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = textOf(docs[i]);
		}
		return soundsLike(soundQuery, texts);
	}

	/** Snippets of sounds-like hits by their texts. */
	static String[] soundsLike(Query soundQuery, String[] texts) {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(SOUND_ANALYZER)
			.withBreakIterator(WholeBreakIterator::new)
			.withScorer(ONE_PASSAGE)
			.withFormatter(FORMATTER)
			.withMaxLength(MAX_HIGHLIGHT_LENGTH)
			.withFlags(EnumSet.of(HighlightFlag.PHRASES, HighlightFlag.WEIGHT_MATCHES))
			.build();
		String[] snippets = new String[texts.length];
		for (int i = 0; i < snippets.length; i++) {
			String text = texts[i];
			Object highlighted;
			try {
				highlighted = highlighter.highlightWithoutSearcher(SegmentDocuments.SOUND, soundQuery, text, 1);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			snippets[i] = (highlighted != null) ? highlighted.toString() : FORMATTER.plain(text);
		}
		return snippets;
	}

	/**
	 * One snippet per text, {@code null} for a text without a match: the texts are
	 * analysed again with the index analyzer (whose offsets are the ones a postings-based
	 * highlight reads), for a backend whose index is not in this process.
	 */
	static @Nullable String[] ofTexts(Query query, String[] texts) {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(INDEX_ANALYZER)
			.withBreakIterator(WholeBreakIterator::new)
			.withScorer(ONE_PASSAGE)
			.withFormatter(FORMATTER)
			.withMaxLength(MAX_HIGHLIGHT_LENGTH)
			.withMaxNoHighlightPassages(0)
			.withFlags(EnumSet.of(HighlightFlag.PHRASES, HighlightFlag.MULTI_TERM_QUERY, HighlightFlag.WEIGHT_MATCHES))
			.build();
		String[] snippets = new String[texts.length];
		for (int i = 0; i < texts.length; i++) {
			try {
				Object highlighted = highlighter.highlightWithoutSearcher(SegmentDocuments.TEXT, query, texts[i], 1);
				snippets[i] = (highlighted != null) ? highlighted.toString() : null;
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return snippets;
	}

	/** The escaped text (its start, when long), without marks. */
	static String plain(String text) {
		return FORMATTER.plain(text);
	}

	/** A snippet with marks at the given character spans of {@code text}. */
	static String marked(String text, List<int[]> spans) {
		return FORMATTER.marked(text, spans);
	}

	/**
	 * The marked passages of a snippet, unescaped: what the query matched, as written.
	 */
	static List<String> markedTerms(String snippet) {
		List<String> terms = new ArrayList<>();
		Matcher matcher = MARK.matcher(snippet);
		while (matcher.find()) {
			String term = unescape(matcher.group(1));
			if (!terms.contains(term)) {
				terms.add(term);
			}
		}
		return terms;
	}

	private static String unescape(String html) {
		return html.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
	}

	/**
	 * One snippet per hit of {@code page}, in the same order, {@code null} for a hit
	 * whose text has no match. {@code docs} are the hits' stored documents, already
	 * loaded for the response: the highlighter takes the text from them instead of
	 * decompressing every document a second time.
	 */
	static @Nullable String[] of(IndexSearcher searcher, Query query, TopDocs page, Document[] docs)
			throws IOException {
		Map<Integer, String> texts = new HashMap<>();
		for (int i = 0; i < docs.length; i++) {
			texts.put(page.scoreDocs[i].doc, textOf(docs[i]));
		}
		UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, INDEX_ANALYZER)
			.withBreakIterator(WholeBreakIterator::new)
			.withScorer(ONE_PASSAGE)
			.withFormatter(FORMATTER)
			.withMaxLength(MAX_HIGHLIGHT_LENGTH)
			// null for a text without a match: the caller decides (a passage, or plain)
			.withMaxNoHighlightPassages(0)
			.withFlags(EnumSet.of(HighlightFlag.PHRASES, HighlightFlag.MULTI_TERM_QUERY, HighlightFlag.WEIGHT_MATCHES));
		UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
			@Override
			protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
					int cacheCharsThreshold) throws IOException {
				List<CharSequence[]> values = new ArrayList<>();
				for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
					CharSequence[] perField = new CharSequence[fields.length];
					for (int f = 0; f < fields.length; f++) {
						String text = texts.get(doc);
						perField[f] = (text != null) ? text : "";
					}
					values.add(perField);
				}
				return values;
			}

			@Override
			protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
				return (offsetSource == OffsetSource.POSTINGS
						&& components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
						&& !hasMultiTermQuery(components.getQuery())) ? new SharedWeightPostings(components, searcher)
								: super.getOffsetStrategy(offsetSource, components);
			}
		};
		return highlighter.highlight(SegmentDocuments.TEXT, query, page, 1);
	}

	/**
	 * Whether the query has a part whose rewrite depends on the reader (a fuzzy query's
	 * top terms): the highlighter rewrites per segment of the index, so such queries are
	 * left to it.
	 */
	private static boolean hasMultiTermQuery(Query query) {
		boolean[] found = { false };
		query.visit(new QueryVisitor() {
			@Override
			public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
				found[0] = true;
			}

			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return this;
			}
		});
		return found[0];
	}

	/**
	 * Offsets from the postings, as the highlighter reads them, with the matches of one
	 * weight for the whole page: the highlighter itself rewrites the query and builds a
	 * weight (with a searcher of its own) for every hit. For a query without reader
	 * dependent rewrites both give the same matches, so the same snippets.
	 */
	private static final class SharedWeightPostings extends PostingsOffsetStrategy {

		private final IndexSearcher searcher;

		private final Map<Object, LeafReaderContext> leaves = new IdentityHashMap<>();

		private @Nullable Weight weight;

		SharedWeightPostings(UHComponents components, IndexSearcher searcher) {
			super(components);
			this.searcher = searcher;
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				this.leaves.put(leaf.reader(), leaf);
			}
		}

		@Override
		protected void createOffsetsEnumsWeightMatcher(LeafReader leafReader, int docId, List<OffsetsEnum> results)
				throws IOException {
			LeafReaderContext leaf = this.leaves.get(leafReader);
			if (leaf == null) {
				// A reader the highlighter wrapped: its own way.
				super.createOffsetsEnumsWeightMatcher(leafReader, docId, results);
				return;
			}
			if (this.weight == null) {
				// As the highlighter does, without the query cache.
				this.weight = this.searcher.rewrite(this.components.getQuery())
					.createWeight(this.searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
			}
			Matches matches = this.weight.matches(leaf, docId);
			if (matches == null) {
				return;
			}
			for (String field : matches) {
				if (this.components.getFieldMatcher().test(field)) {
					MatchesIterator iterator = matches.getMatches(field);
					if (iterator != null) {
						results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
					}
				}
			}
		}

	}

	/** The snippet of a hit whose text has no match: the text, unmarked. */
	static String plain(Document doc) {
		return FORMATTER.plain(textOf(doc));
	}

	/**
	 * The snippet of a passage: the segment's text followed by the texts of its context
	 * (read from the index), the matches of {@code highlight} marked, cut around them.
	 * @return {@code null} when nothing in the passage matches
	 */
	static @Nullable String passage(IndexSearcher searcher, Document doc, Query highlight) throws IOException {
		IndexableField count = doc.getField(SegmentDocuments.CONTEXT_SEGMENTS);
		if (count == null) {
			return null;
		}
		int index = doc.getField(SegmentDocuments.INDEX).numericValue().intValue();
		int following = count.numericValue().intValue();
		Query context = new BooleanQuery.Builder()
			.add(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID,
					doc.getField(SegmentDocuments.EPISODE_ID).numericValue().longValue()), Occur.FILTER)
			.add(IntPoint.newRangeQuery(SegmentDocuments.INDEX, index + 1, index + following), Occur.FILTER)
			.build();
		TopDocs found = searcher.search(context, following);
		StoredFields stored = searcher.storedFields();
		TreeMap<Integer, String> texts = new TreeMap<>();
		for (ScoreDoc hit : found.scoreDocs) {
			Document next = stored.document(hit.doc, Set.of(SegmentDocuments.INDEX, SegmentDocuments.TEXT));
			texts.put(next.getField(SegmentDocuments.INDEX).numericValue().intValue(), textOf(next));
		}
		return passage(textOf(doc), texts.values(), highlight);
	}

	/**
	 * The snippet of a passage from its texts: the segment's own, then those of its
	 * context in order.
	 * @return {@code null} when nothing in the passage matches
	 */
	static @Nullable String passage(String text, java.util.Collection<String> following, Query highlight)
			throws IOException {
		StringBuilder passage = new StringBuilder(text);
		following.forEach((next) -> passage.append(' ').append(next));
		UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(INDEX_ANALYZER)
			.withBreakIterator(WholeBreakIterator::new)
			.withScorer(ONE_PASSAGE)
			.withFormatter(FORMATTER)
			.withMaxLength(MAX_HIGHLIGHT_LENGTH)
			.withMaxNoHighlightPassages(0)
			.withFlags(EnumSet.of(HighlightFlag.PHRASES, HighlightFlag.WEIGHT_MATCHES))
			.build();
		Object highlighted = highlighter.highlightWithoutSearcher(SegmentDocuments.TEXT, highlight, passage.toString(),
				1);
		return (highlighted != null) ? highlighted.toString() : null;
	}

	private static String textOf(Document doc) {
		String text = doc.get(SegmentDocuments.TEXT);
		return (text != null) ? text : "";
	}

}
