package io.podlens.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import org.jspecify.annotations.Nullable;

import io.podlens.text.lucene.WordAnalyzer;

/**
 * The words that characterise one episode against the whole index: TF-IDF over the
 * {@code words} field, where term frequency counts the episode's occurrences (damped, so
 * that one word repeated a hundred times does not crowd out everything else) and document
 * frequency counts the segments of the whole corpus that contain the word.
 */
final class EpisodeKeywords {

	/** A word said only once says little about an episode. */
	private static final int MIN_OCCURRENCES = 2;

	private final Analyzer words = new WordAnalyzer();

	/**
	 * @return the keywords, best first; empty when the index holds no segment of the
	 * episode
	 */
	List<Keyword> of(IndexSearcher searcher, long episodeId, int limit) throws IOException {
		IndexReader reader = searcher.getIndexReader();
		Query ofEpisode = LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, episodeId);
		// Size the hit queue to the episode, not to the whole index.
		TopDocs docs = searcher.search(ofEpisode, Math.max(1, searcher.count(ofEpisode)));
		StoredFields stored = searcher.storedFields();
		List<String> texts = new ArrayList<>(docs.scoreDocs.length);
		for (ScoreDoc doc : docs.scoreDocs) {
			texts.add(stored.document(doc.doc).get(SegmentDocuments.TEXT));
		}
		return of(texts, reader.numDocs(), (words) -> {
			Map<String, Long> frequencies = new HashMap<>();
			for (String word : words) {
				try {
					frequencies.put(word, (long) reader.docFreq(new Term(SegmentDocuments.WORDS, word)));
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
			return frequencies;
		}, limit);
	}

	/**
	 * The keywords of an episode's texts against a corpus of {@code corpus} segments.
	 * @param docFreqs the number of segments of the corpus containing each of the given
	 * words (folded, as the {@code words} field holds them)
	 */
	List<Keyword> of(List<@Nullable String> texts, long corpus,
			java.util.function.Function<Collection<String>, Map<String, Long>> docFreqs, int limit) throws IOException {
		Map<String, Counts> counts = new LinkedHashMap<>();
		for (String text : texts) {
			count(text, counts);
		}
		counts.values().removeIf((word) -> word.occurrences < MIN_OCCURRENCES);
		Map<String, Long> frequencies = counts.isEmpty() ? Map.of() : docFreqs.apply(counts.keySet());
		long documents = Math.max(1, corpus);
		List<Keyword> keywords = new ArrayList<>();
		for (Map.Entry<String, Counts> entry : counts.entrySet()) {
			Counts word = entry.getValue();
			long df = Math.max(1, frequencies.getOrDefault(entry.getKey(), 0L));
			double score = Math.pow(word.occurrences, 0.75) * Math.log(1 + (double) documents / df);
			keywords.add(new Keyword(word.surface(), Math.round(score * 1000) / 1000.0));
		}
		keywords.sort(Comparator.comparingDouble(Keyword::score).reversed().thenComparing(Keyword::term));
		return keywords.subList(0, Math.min(limit, keywords.size()));
	}

	private void count(@Nullable String text, Map<String, Counts> counts) throws IOException {
		if (text == null) {
			return;
		}
		try (TokenStream stream = this.words.tokenStream(SegmentDocuments.WORDS, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String surface = text.substring(offset.startOffset(), offset.endOffset());
				counts.computeIfAbsent(term.toString(), (key) -> new Counts()).add(surface);
			}
			stream.end();
		}
	}

	/** Occurrences of one folded word and how it was written. */
	private static final class Counts {

		private int occurrences;

		private final Map<String, Integer> surfaces = new HashMap<>();

		void add(String surface) {
			this.occurrences++;
			this.surfaces.merge(surface, 1, Integer::sum);
		}

		/** The spelling used most often in the episode. */
		String surface() {
			return this.surfaces.entrySet()
				.stream()
				.max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
				.orElseThrow()
				.getKey();
		}

	}

}
