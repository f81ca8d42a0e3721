package io.podlens.search;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

import io.podlens.common.InvalidInputException;
import io.podlens.common.PodlensProperties;
import io.podlens.text.lucene.PodlensAnalyzer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link SearchQuery} into a Lucene query: the query string for scoring plus
 * non-scoring filter clauses. A query string without query syntax (words, a question) is
 * a ranked query ({@link RankedQueries}: most words first, not all required); one with
 * syntax (quotes, AND, OR, NOT, +, -, *, parentheses) is parsed by the classic parser,
 * every word required. A ranked query also searches the equivalents of its words in the
 * other language ({@link CrossLingualExpansion}, lower weighted); a query with syntax is
 * never expanded. Every syntax problem becomes an {@link InvalidInputException} naming
 * field {@code q}.
 */
@Component
class QueryTranslator {

	/** Deeper nesting is abuse, and the recursive parser could run out of stack. */
	static final int MAX_NESTING = 32;

	private final Analyzer analyzer = PodlensAnalyzer.forQuery();

	private final int maxQueryLength;

	private final SoundQueries sounds;

	private final RankedQueries ranked;

	private final CrossLingualExpansion expansion;

	/** Without cross-lingual expansion (tests of search alone). */
	QueryTranslator(PodlensProperties properties, SearchProperties search) {
		this(properties, search, CrossLingualExpansion.none());
	}

	@Autowired
	QueryTranslator(PodlensProperties properties, SearchProperties search, CrossLingualExpansion expansion) {
		this.expansion = expansion;
		this.maxQueryLength = properties.maxQueryLength();
		this.ranked = new RankedQueries(this.analyzer, search.ranking(), !search.contextWindow().isZero());
		this.sounds = new SoundQueries(search.ranking().rule());
	}

	/** The scoring part only: the ranked (and expanded) or the parsed query string. */
	Query parse(String q) {
		return parse(q, true);
	}

	/**
	 * @param expand whether a ranked query also searches the equivalents of its words
	 * (not for sounds-like, which asks for the words' own spellings)
	 */
	Query parse(String q, boolean expand) {
		if (q.length() > this.maxQueryLength) {
			throw InvalidInputException.forField("q", "is " + q.length() + " characters long; the limit is "
					+ this.maxQueryLength + " (podlens.max-query-length)");
		}
		int depth = nesting(q);
		if (depth > MAX_NESTING) {
			throw InvalidInputException.forField("q",
					"nests parentheses " + depth + " deep; the limit is " + MAX_NESTING);
		}
		if (PlainQuery.isPlain(q)) {
			Query ranked;
			try {
				PlainQuery plain = PlainQuery.of(q);
				ranked = expand ? this.ranked.build(plain, this.expansion.of(plain), this.expansion.boost())
						: this.ranked.build(plain);
			}
			catch (IndexSearcher.TooManyClauses ex) {
				throw tooManyClauses();
			}
			if (ranked == null) {
				throw InvalidInputException.forField("q", "contains no searchable words");
			}
			return ranked;
		}
		Query parsed;
		try {
			parsed = new SegmentQueryParser(this.analyzer).parse(q);
		}
		catch (ParseException ex) {
			throw InvalidInputException.forField("q", "cannot be parsed: " + describe(ex, q));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw tooManyClauses();
		}
		catch (RuntimeException ex) {
			// e.g. a wildcard too complex to turn into an automaton
			throw InvalidInputException.forField("q", "cannot be parsed: " + ex.getMessage());
		}
		if (parsed == null || parsed instanceof MatchNoDocsQuery
				|| (parsed instanceof BooleanQuery bool && bool.clauses().isEmpty())) {
			throw InvalidInputException.forField("q", "contains no searchable words");
		}
		return onlyExclusionsMeanEverythingElse(parsed);
	}

	/**
	 * What snippets of passages (hits whose own text has no match) mark in a text: the
	 * query's words and phrases, in the text field.
	 * @return {@code null} for a query with syntax, which matches a segment's own text
	 * only
	 */
	@Nullable Query highlight(String q, boolean expand) {
		if (!PlainQuery.isPlain(q)) {
			return null;
		}
		PlainQuery plain = PlainQuery.of(q);
		return this.ranked.highlight(plain, expand ? this.expansion.of(plain) : List.of());
	}

	/**
	 * Checks the query's words as a search would read them, without running it: a search
	 * by meaning needs words to embed, the other modes a query string that parses within
	 * the clause limit.
	 * @throws InvalidInputException naming field {@code q}
	 */
	void check(SearchQuery query) {
		if (query.q() == null) {
			return;
		}
		if (query.mode() == SearchMode.SEMANTIC) {
			if (SemanticText.of(query.q()).isBlank()) {
				throw InvalidInputException.forField("q", "has no words to search by meaning");
			}
			return;
		}
		try {
			translate(query, null);
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw tooManyClauses();
		}
	}

	/**
	 * The full exact query: parsed query string (scoring) and filters (not scoring).
	 * Without a query string (a topic-only search) every segment passing the filters
	 * matches.
	 * @param restriction only documents matching it (the segments that mention a topic),
	 * or {@code null}
	 */
	Query translate(SearchQuery query, Query restriction) {
		Query scoring = (query.q() != null) ? parse(query.q(), !query.soundsLike()) : new MatchAllDocsQuery();
		return filtered(query, restriction, new BooleanQuery.Builder().add(scoring, Occur.MUST));
	}

	/**
	 * The alias tier: segments that mention a topic the query names (given as
	 * {@code mentioning}) but that the exact query does not match.
	 */
	Query translateAlias(SearchQuery query, Query restriction, Query mentioning) {
		return filtered(query, restriction,
				new BooleanQuery.Builder().add(mentioning, Occur.MUST).add(parse(query.q(), false), Occur.MUST_NOT));
	}

	/**
	 * The sounds-like tier: segments whose words sound like the query's but that neither
	 * the exact query nor {@code exclude} (the alias tier) matches.
	 * @return {@code null} when the query string has nothing that can sound alike
	 */
	Query translateSoundsLike(SearchQuery query, Query restriction, Query exclude) {
		if (query.q() == null) {
			return null;
		}
		Query sound = this.sounds.parse(query.q());
		if (sound == null) {
			return null;
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(sound, Occur.MUST)
			.add(parse(query.q(), false), Occur.MUST_NOT);
		if (exclude != null) {
			builder.add(exclude, Occur.MUST_NOT);
		}
		return filtered(query, restriction, builder);
	}

	/**
	 * The filters of a query alone (what a vector search is restricted to): the query's
	 * filters, the restriction, and the words the query string excludes ({@code -word},
	 * {@code NOT word}), which exclude in every mode. In semantic mode a query string the
	 * keyword syntax cannot read (an unbalanced quote) excludes nothing instead of being
	 * refused.
	 * @return {@code null} when nothing restricts the search
	 */
	Query vectorFilter(SearchQuery query, Query restriction) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		if (query.q() != null) {
			Query parsed;
			try {
				// Only the exclusions are kept: no need to expand.
				parsed = parse(query.q(), false);
			}
			catch (InvalidInputException ex) {
				if (query.mode() != SearchMode.SEMANTIC) {
					throw ex;
				}
				// Semantic mode reads q as text: what the keyword syntax cannot read
				// excludes nothing.
				parsed = new MatchAllDocsQuery();
			}
			if (parsed instanceof BooleanQuery bool) {
				for (BooleanClause clause : bool.clauses()) {
					if (clause.getOccur() == Occur.MUST_NOT) {
						builder.add(clause);
					}
				}
			}
		}
		BooleanQuery filters = (BooleanQuery) filtered(query, restriction, builder);
		if (filters.clauses().isEmpty()) {
			return null;
		}
		if (filters.clauses().stream().allMatch((clause) -> clause.getOccur() == Occur.MUST_NOT)) {
			// Exclusions alone match nothing: exclude from everything.
			return builder.add(new MatchAllDocsQuery(), Occur.FILTER).build();
		}
		return filters;
	}

	private Query filtered(SearchQuery query, Query restriction, BooleanQuery.Builder builder) {
		if (restriction != null) {
			builder.add(restriction, Occur.FILTER);
		}
		if (query.episodeId() != null) {
			builder.add(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, query.episodeId()), Occur.FILTER);
		}
		if (query.podcast() != null) {
			builder.add(new TermQuery(new Term(SegmentDocuments.PODCAST, query.podcast())), Occur.FILTER);
		}
		if (query.language() != null) {
			builder.add(language(query.language()), Occur.FILTER);
		}
		// Overlap with [fromMs, toMs]: starts no later than toMs and ends no earlier than
		// fromMs.
		if (query.toMs() != null) {
			builder.add(LongPoint.newRangeQuery(SegmentDocuments.START_MS, Long.MIN_VALUE, query.toMs()), Occur.FILTER);
		}
		if (query.fromMs() != null) {
			builder.add(LongPoint.newRangeQuery(SegmentDocuments.END_MS, query.fromMs(), Long.MAX_VALUE), Occur.FILTER);
		}
		return builder.build();
	}

	/** The tag itself or any tag it is the start of: zh matches zh-Hant and zh-Hans. */
	private static Query language(String tag) {
		return new BooleanQuery.Builder().add(new TermQuery(new Term(SegmentDocuments.LANGUAGE, tag)), Occur.SHOULD)
			.add(new PrefixQuery(new Term(SegmentDocuments.LANGUAGE, tag + "-")), Occur.SHOULD)
			.setMinimumNumberShouldMatch(1)
			.build();
	}

	static InvalidInputException tooManyClauses() {
		return InvalidInputException.forField("q", "expands to more than " + IndexSearcher.getMaxClauseCount()
				+ " clauses; use fewer words or longer prefixes");
	}

	/** Deepest nesting of parentheses outside quotes, ignoring escaped ones. */
	static int nesting(String q) {
		int depth = 0;
		int deepest = 0;
		boolean quoted = false;
		for (int i = 0; i < q.length(); i++) {
			char c = q.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				deepest = Math.max(deepest, ++depth);
			}
			else if (!quoted && c == ')') {
				depth = Math.max(0, depth - 1);
			}
		}
		return deepest;
	}

	/** "-ads" alone would match nothing in Lucene; users mean "everything but ads". */
	private static Query onlyExclusionsMeanEverythingElse(Query parsed) {
		if (parsed instanceof BooleanQuery bool
				&& bool.clauses().stream().allMatch((clause) -> clause.getOccur() == Occur.MUST_NOT)) {
			BooleanQuery.Builder builder = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
			for (BooleanClause clause : bool.clauses()) {
				builder.add(clause);
			}
			return builder.build();
		}
		return parsed;
	}

	/**
	 * The parser's message without the echoed query and the list of expected tokens, plus
	 * a hint in words for the common mistakes.
	 */
	private static String describe(ParseException ex, String q) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "syntax error";
		message = message.replace("Cannot parse '" + q + "': ", "");
		int expecting = message.indexOf("Was expecting");
		if (expecting > 0) {
			message = message.substring(0, expecting);
		}
		message = message.replaceAll("\\s+", " ").trim();
		if (message.startsWith("Lexical error")) {
			return "unbalanced double quote (\") or a trailing backslash (" + message + ")";
		}
		if (message.contains("Encountered \"<EOF>\"")) {
			return "the query ends too early: an open parenthesis or quote, or an operator without a term? (" + message
					+ ")";
		}
		if (message.matches("Encountered \" <(AND|OR|NOT)> .*")) {
			return "AND, OR and NOT need a term on each side (" + message + ")";
		}
		if (message.startsWith("Encountered \" \")\"")) {
			return "a closing parenthesis without an opening one (" + message + ")";
		}
		return message;
	}

}
