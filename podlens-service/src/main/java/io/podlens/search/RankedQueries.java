package io.podlens.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The ranked query of a {@link PlainQuery}: segments with all content words first, then
 * those with most of them.
 * <ul>
 * <li>Each content word is a term, or a phrase when it analyses to several tokens (a
 * Chinese word is the phrase of its bigrams, so 變色龍 never matches 色 and 龍 apart; GPT-4V
 * is {@code gpt 4v}), in the segment's text or, weighted by {@code context-boost}, in its
 * context (the segments that follow it; not for queries of one word, and not for a
 * one-character Chinese word, which the context does not index alone).</li>
 * <li>At least {@code minimum-should-match} of the words must match; BM25 ranks the
 * rest.</li>
 * <li>Boosts that do not change what matches: the whole query as a phrase
 * ({@code phrase-boost}) and the content words near each other in the text, in order
 * ({@code proximity-boost}, {@code proximity-slop}).</li>
 * </ul>
 */
final class RankedQueries {

	/** Longer phrases rarely match and cost clauses; their words still rank. */
	static final int MAX_PHRASE_TERMS = 32;

	private final QueryBuilder builder;

	private final SearchProperties.Ranking ranking;

	private final MinimumShouldMatch rule;

	private final boolean context;

	/**
	 * @param analyzer the query analyzer of the text field
	 * @param context whether segments are indexed with their context
	 */
	RankedQueries(Analyzer analyzer, SearchProperties.Ranking ranking, boolean context) {
		this.builder = new QueryBuilder(analyzer);
		this.ranking = ranking;
		this.rule = ranking.rule();
		this.context = context;
	}

	/**
	 * @return the query, or {@code null} when no word has anything searchable
	 */
	@Nullable Query build(PlainQuery plain) {
		return build(plain, List.of(), 0f);
	}

	/**
	 * The query, and with {@code groups} ({@link CrossLingualExpansion}) the expanded
	 * query too, weighted by {@code boost}: a segment scores by the better of the two, so
	 * segments with the query's own words keep their order above those found through
	 * equivalents only.
	 * @return the query, or {@code null} when no word has anything searchable
	 */
	@Nullable Query build(PlainQuery plain, List<List<String>> groups, float boost) {
		Query own = own(plain);
		Query expanded = (groups.isEmpty() || boost <= 0) ? null : expanded(groups);
		if (expanded == null) {
			return own;
		}
		Query weighted = new BoostQuery(expanded, boost);
		return (own != null) ? new DisjunctionMaxQuery(List.of(own, weighted), 0f) : weighted;
	}

	private @Nullable Query own(PlainQuery plain) {
		List<Query> texts = new ArrayList<>();
		List<Query> clauses = new ArrayList<>();
		boolean withContext = this.context && plain.contentWords().size() >= 2;
		for (String word : plain.contentWords()) {
			Query text = this.builder.createPhraseQuery(SegmentDocuments.TEXT, word);
			if (text == null) {
				continue;
			}
			texts.add(text);
			clauses.add(withContext ? inTextOrContext(word, text) : text);
		}
		if (clauses.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = mostWords(clauses, texts);
		Query phrase = wholePhrase(plain, texts);
		if (phrase != null && this.ranking.phraseBoost() > 0) {
			query.add(new BoostQuery(phrase, this.ranking.phraseBoost()), Occur.SHOULD);
		}
		Query near = proximity(texts);
		if (near != null && this.ranking.proximityBoost() > 0) {
			query.add(new BoostQuery(near, this.ranking.proximityBoost()), Occur.SHOULD);
		}
		return query.build();
	}

	/**
	 * The minimum of {@code clauses} the rule asks for, and a boost when the segment's
	 * own text has all of {@code texts}.
	 */
	private BooleanQuery.Builder mostWords(List<Query> clauses, List<Query> texts) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(anyOf(clauses, this.rule.of(clauses.size())),
				Occur.MUST);
		if (texts.size() >= 2 && this.ranking.allWordsBoost() > 0) {
			BooleanQuery.Builder all = new BooleanQuery.Builder();
			texts.forEach((text) -> all.add(text, Occur.MUST));
			query.add(new BoostQuery(all.build(), this.ranking.allWordsBoost()), Occur.SHOULD);
		}
		return query;
	}

	/**
	 * The expanded query: each group matches through any of its forms (the query's words
	 * or their equivalents, each counted once, where it scores best), the same minimum of
	 * groups as of words, and all groups boosted; no phrase or proximity boost, since the
	 * forms come from two languages.
	 */
	private @Nullable Query expanded(List<List<String>> groups) {
		List<Query> texts = new ArrayList<>();
		List<Query> clauses = new ArrayList<>();
		boolean withContext = this.context && groups.size() >= 2;
		for (List<String> group : groups) {
			List<Query> textForms = new ArrayList<>();
			List<Query> forms = new ArrayList<>();
			for (String form : group) {
				Query text = this.builder.createPhraseQuery(SegmentDocuments.TEXT, form);
				if (text != null) {
					textForms.add(text);
					forms.add(withContext ? inTextOrContext(form, text) : text);
				}
			}
			if (forms.isEmpty()) {
				continue;
			}
			texts.add(oneOf(textForms));
			clauses.add(oneOf(forms));
		}
		if (clauses.isEmpty()) {
			return null;
		}
		return mostWords(clauses, texts).build();
	}

	/**
	 * A word in the segment's text, or weighted by {@code context-boost} in its context.
	 */
	private Query inTextOrContext(String word, Query text) {
		if (PlainQuery.isOneHanCharacter(word) || tooLong(text)) {
			return text;
		}
		// A word counts once, where it scores best.
		Query context = this.builder.createBooleanQuery(SegmentDocuments.CONTEXT, word, Occur.MUST);
		return new DisjunctionMaxQuery(List.of(text, new BoostQuery(context, this.ranking.contextBoost())), 0f);
	}

	private static Query oneOf(List<Query> forms) {
		return (forms.size() == 1) ? forms.get(0) : new DisjunctionMaxQuery(forms, 0f);
	}

	/**
	 * What snippets mark: every content word and the whole phrase, in the text field,
	 * without minimum or context (a passage is highlighted as text).
	 * @return {@code null} when nothing is searchable
	 */
	@Nullable Query highlight(PlainQuery plain) {
		return highlight(plain, List.of());
	}

	/** What snippets mark, the equivalents of {@code groups} included. */
	@Nullable Query highlight(PlainQuery plain, List<List<String>> groups) {
		List<Query> texts = new ArrayList<>();
		Set<String> words = new LinkedHashSet<>(plain.contentWords());
		groups.forEach(words::addAll);
		for (String word : words) {
			Query text = this.builder.createPhraseQuery(SegmentDocuments.TEXT, word);
			if (text != null) {
				texts.add(text);
			}
		}
		if (texts.isEmpty()) {
			return null;
		}
		Query phrase = wholePhrase(plain, texts);
		if (phrase != null) {
			texts.add(phrase);
		}
		return anyOf(texts, 0);
	}

	/** A word of more tokens than a phrase boost takes matches its text only. */
	private static boolean tooLong(Query text) {
		return text instanceof PhraseQuery phrase && phrase.getTerms().length > MAX_PHRASE_TERMS;
	}

	private static Query anyOf(List<Query> clauses, int minimum) {
		if (clauses.size() == 1) {
			return clauses.get(0);
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		clauses.forEach((clause) -> any.add(clause, Occur.SHOULD));
		return any.setMinimumNumberShouldMatch(minimum).build();
	}

	/** The query as typed, as one phrase, unless that is its only word. */
	private @Nullable Query wholePhrase(PlainQuery plain, List<Query> texts) {
		Query phrase = this.builder.createPhraseQuery(SegmentDocuments.TEXT, plain.text());
		if (!(phrase instanceof PhraseQuery exact) || exact.getTerms().length > MAX_PHRASE_TERMS
				|| (texts.size() == 1 && texts.get(0).equals(phrase))) {
			return null;
		}
		return phrase;
	}

	/** The content words, in order, as one sloppy phrase. */
	private @Nullable Query proximity(List<Query> texts) {
		if (texts.size() < 2) {
			return null;
		}
		PhraseQuery.Builder near = new PhraseQuery.Builder().setSlop(this.ranking.proximitySlop());
		int position = 0;
		int terms = 0;
		for (Query text : texts) {
			if (text instanceof TermQuery term) {
				near.add(term.getTerm(), position++);
				terms++;
			}
			else if (text instanceof PhraseQuery phrase) {
				Term[] words = phrase.getTerms();
				int[] positions = phrase.getPositions();
				for (int i = 0; i < words.length; i++) {
					near.add(words[i], position + positions[i] - positions[0]);
				}
				position += positions[positions.length - 1] - positions[0] + 1;
				terms += words.length;
			}
			else {
				return null;
			}
		}
		return (terms <= MAX_PHRASE_TERMS) ? near.build() : null;
	}

}
