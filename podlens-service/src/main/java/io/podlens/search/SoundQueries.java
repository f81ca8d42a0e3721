package io.podlens.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import io.podlens.text.Pinyin;
import io.podlens.text.lucene.SoundAnalyzer;

/**
 * Parses a query string against the sound field. Words become phrases of sound keys, so
 * 向量 matches 項量 and Chameleon matches Camellian. Recognisers also merge two syllables
 * into one (語言 heard as 圓 in 大型圓模型), so a Chinese phrase of three or more syllables also
 * matches with any two neighbours merged into a syllable one letter away from their
 * concatenation. Prefix, wildcard and fuzzy terms have no sound and match nothing in this
 * tier. A query without syntax (words, a question) ranks here as in the exact tier: its
 * content words ({@link PlainQuery}), at least as many as the minimum-should-match rule
 * asks for.
 */
final class SoundQueries {

	private static final int MAX_VARIANTS = 16;

	private final Analyzer analyzer = new SoundAnalyzer();

	private final MinimumShouldMatch rule;

	SoundQueries(MinimumShouldMatch rule) {
		this.rule = rule;
	}

	/**
	 * @return the sound query, or {@code null} when nothing in it can sound alike
	 */
	Query parse(String q) {
		if (PlainQuery.isPlain(q)) {
			return plain(PlainQuery.of(q));
		}
		Query parsed;
		try {
			parsed = new SegmentQueryParser(SegmentDocuments.SOUND, this.analyzer).parse(q);
		}
		catch (ParseException | RuntimeException ex) {
			// The exact parse succeeded; this failure only means no sounds-like tier.
			return null;
		}
		Query rewritten = rewrite(parsed);
		return (rewritten instanceof MatchNoDocsQuery || rewritten instanceof MatchAllDocsQuery) ? null : rewritten;
	}

	private Query plain(PlainQuery plain) {
		QueryBuilder builder = new QueryBuilder(this.analyzer);
		List<Query> words = new ArrayList<>();
		for (String word : plain.contentWords()) {
			Query sound = builder.createPhraseQuery(SegmentDocuments.SOUND, word);
			if (sound != null) {
				words.add(rewrite(sound));
			}
		}
		if (words.isEmpty()) {
			return null;
		}
		if (words.size() == 1) {
			return words.get(0);
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		words.forEach((word) -> any.add(word, Occur.SHOULD));
		return any.setMinimumNumberShouldMatch(this.rule.of(words.size())).build();
	}

	private Query rewrite(Query query) {
		if (query instanceof BooleanQuery bool) {
			BooleanQuery.Builder builder = new BooleanQuery.Builder();
			boolean positive = false;
			for (BooleanClause clause : bool.clauses()) {
				Query inner = rewrite(clause.getQuery());
				builder.add(inner, clause.getOccur());
				positive |= clause.getOccur() != Occur.MUST_NOT;
			}
			return positive ? builder.build() : new MatchNoDocsQuery();
		}
		if (query instanceof BoostQuery boost) {
			return new BoostQuery(rewrite(boost.getQuery()), boost.getBoost());
		}
		if (query instanceof PhraseQuery phrase) {
			return withMergedSyllables(phrase);
		}
		if (query instanceof TermQuery) {
			return query;
		}
		// Prefix, wildcard, fuzzy: the sound of a part word is unknown.
		return new MatchNoDocsQuery();
	}

	private static Query withMergedSyllables(PhraseQuery phrase) {
		Term[] terms = phrase.getTerms();
		if (terms.length < 3 || phrase.getSlop() != 0) {
			return phrase;
		}
		Set<List<String>> variants = new LinkedHashSet<>();
		for (int i = 0; i + 1 < terms.length && variants.size() < MAX_VARIANTS; i++) {
			String left = terms[i].text();
			String right = terms[i + 1].text();
			if (!Pinyin.isSyllable(left) || !Pinyin.isSyllable(right)) {
				continue;
			}
			for (String merged : mergeCandidates(left + right)) {
				List<String> keys = new ArrayList<>();
				for (int j = 0; j < terms.length; j++) {
					if (j == i) {
						keys.add(merged);
					}
					else if (j != i + 1) {
						keys.add(terms[j].text());
					}
				}
				variants.add(keys);
			}
		}
		if (variants.isEmpty()) {
			return phrase;
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder().add(phrase, Occur.SHOULD);
		for (List<String> keys : variants) {
			any.add(new PhraseQuery(SegmentDocuments.SOUND, keys.toArray(String[]::new)), Occur.SHOULD);
		}
		return any.build();
	}

	/** Syllables equal to the concatenation or one deleted letter away from it. */
	private static Set<String> mergeCandidates(String concatenated) {
		Set<String> found = new LinkedHashSet<>();
		if (Pinyin.isSyllable(concatenated)) {
			found.add(concatenated);
		}
		for (int i = 0; i < concatenated.length(); i++) {
			String shorter = concatenated.substring(0, i) + concatenated.substring(i + 1);
			if (Pinyin.isSyllable(shorter)) {
				found.add(shorter);
			}
		}
		return found;
	}

}
