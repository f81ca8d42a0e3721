package io.podlens.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

	/**
	 * Snippets of sounds-like hits: the text is re-analysed with the sound analyzer,
	 * whose tokens carry the offsets of the original spelling, so the misheard word is
	 * marked.
	 */
	static String[] soundsLike(IndexSearcher searcher, Query soundQuery, TopDocs page) throws IOException {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(new SoundAnalyzer())
			.withBreakIterator(WholeBreakIterator::new)
			.withFormatter(FORMATTER)
			.withMaxLength(MAX_HIGHLIGHT_LENGTH)
			.withFlags(EnumSet.of(HighlightFlag.PHRASES, HighlightFlag.WEIGHT_MATCHES))
			.build();
		String[] snippets = new String[page.scoreDocs.length];
		for (int i = 0; i < snippets.length; i++) {
			String text = searcher.storedFields().document(page.scoreDocs[i].doc).get(SegmentDocuments.TEXT);
			text = (text != null) ? text : "";
			Object highlighted = highlighter.highlightWithoutSearcher(SegmentDocuments.SOUND, soundQuery, text, 1);
			snippets[i] = (highlighted != null) ? highlighted.toString() : FORMATTER.plain(text);
		}
		return snippets;
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
