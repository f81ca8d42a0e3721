package io.podlens.search;

import java.io.IOException;
import java.util.EnumSet;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Builds HTML snippets for a page of hits with the UnifiedHighlighter, reading match
 * offsets from the postings (the text field is indexed with offsets).
 */
final class Snippets {

	/** Longest snippet in characters, not counting markup. */
	static final int MAX_CHARS = 240;

	/** Texts longer than this are highlighted only in their first part. */
	private static final int MAX_HIGHLIGHT_LENGTH = 100_000;

	private static final SnippetFormatter FORMATTER = new SnippetFormatter(MAX_CHARS);

	private Snippets() {
	}

	/** One snippet per hit of {@code page}, in the same order. */
	static String[] of(IndexSearcher searcher, Query query, TopDocs page) throws IOException {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, PodlensAnalyzer.forIndexing())
			.withBreakIterator(WholeBreakIterator::new)
			.withFormatter(FORMATTER)
			.withMaxLength(MAX_HIGHLIGHT_LENGTH)
			.withFlags(EnumSet.of(HighlightFlag.PHRASES, HighlightFlag.MULTI_TERM_QUERY, HighlightFlag.WEIGHT_MATCHES))
			.build();
		String[] snippets = highlighter.highlight(SegmentDocuments.TEXT, query, page, 1);
		for (int i = 0; i < snippets.length; i++) {
			if (snippets[i] == null) {
				String text = searcher.storedFields().document(page.scoreDocs[i].doc).get(SegmentDocuments.TEXT);
				snippets[i] = FORMATTER.plain((text != null) ? text : "");
			}
		}
		return snippets;
	}

}
