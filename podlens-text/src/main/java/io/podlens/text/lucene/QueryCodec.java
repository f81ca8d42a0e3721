package io.podlens.text.lucene;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene query as text and back, so that a query built (and analysed) by Podlens runs
 * unchanged inside another Lucene engine: the Solr plugin's {@code podlens} query parser
 * decodes what the service encodes. Covers the query types Podlens builds (terms,
 * phrases, booleans with minimum-should-match, disjunction max, boosts, constant scores,
 * prefixes, wildcards, fuzzy terms, one-dimensional int and long point ranges, field
 * existence, term sets); any other type is refused when encoding, never sent half.
 * <p>
 * Format: prefix notation, {@code (tag arg…)}, numbers in decimal, every string as
 * {@code length:chars} (length in UTF-16 units), so no escaping is needed. Decoding gives
 * a query {@link Query#equals equal} to the encoded one.
 */
public final class QueryCodec {

	private QueryCodec() {
	}

	/**
	 * @throws IllegalArgumentException for a query type the codec does not know
	 */
	public static String encode(Query query) {
		StringBuilder out = new StringBuilder();
		write(query, out);
		return out.toString();
	}

	/**
	 * @throws IllegalArgumentException when the text is not an encoded query
	 */
	public static Query decode(String encoded) {
		Reader reader = new Reader(encoded);
		Query query = reader.query();
		if (reader.pos != encoded.length()) {
			throw reader.error("trailing characters");
		}
		return query;
	}

	private static void write(Query query, StringBuilder out) {
		if (query instanceof TermQuery term) {
			out.append("(t ");
			term(term.getTerm(), out);
		}
		else if (query instanceof PhraseQuery phrase) {
			out.append("(p ");
			str(phrase.getField(), out);
			out.append(phrase.getSlop()).append(' ').append(phrase.getTerms().length);
			Term[] terms = phrase.getTerms();
			int[] positions = phrase.getPositions();
			for (int i = 0; i < terms.length; i++) {
				out.append(' ').append(positions[i]).append(' ');
				str(terms[i].text(), out);
			}
		}
		else if (query instanceof MultiPhraseQuery phrase) {
			Term[][] terms = phrase.getTermArrays();
			int[] positions = phrase.getPositions();
			out.append("(mp ");
			str(terms[0][0].field(), out);
			out.append(phrase.getSlop()).append(' ').append(terms.length);
			for (int i = 0; i < terms.length; i++) {
				out.append(' ').append(positions[i]).append(' ').append(terms[i].length);
				for (Term term : terms[i]) {
					out.append(' ');
					str(term.text(), out);
				}
			}
		}
		else if (query instanceof SynonymQuery synonyms) {
			out.append("(s ");
			str(synonyms.getField(), out);
			out.append(synonyms.getTerms().size());
			for (Term term : synonyms.getTerms()) {
				out.append(' ');
				str(term.text(), out);
			}
		}
		else if (query instanceof BooleanQuery bool) {
			out.append("(b ").append(bool.getMinimumNumberShouldMatch()).append(' ').append(bool.clauses().size());
			for (BooleanClause clause : bool.clauses()) {
				out.append(' ').append(occur(clause.getOccur())).append(' ');
				write(clause.getQuery(), out);
			}
		}
		else if (query instanceof DisjunctionMaxQuery dismax) {
			out.append("(d ").append(dismax.getTieBreakerMultiplier()).append(' ').append(dismax.getDisjuncts().size());
			for (Query disjunct : dismax.getDisjuncts()) {
				out.append(' ');
				write(disjunct, out);
			}
		}
		else if (query instanceof BoostQuery boost) {
			out.append("(^ ").append(boost.getBoost()).append(' ');
			write(boost.getQuery(), out);
		}
		else if (query instanceof ConstantScoreQuery constant) {
			out.append("(c ");
			write(constant.getQuery(), out);
		}
		else if (query instanceof PrefixQuery prefix) {
			out.append("(x ");
			term(prefix.getPrefix(), out);
		}
		else if (query instanceof WildcardQuery wildcard) {
			out.append("(w ");
			term(wildcard.getTerm(), out);
		}
		else if (query instanceof FuzzyQuery fuzzy) {
			out.append("(f ");
			term(fuzzy.getTerm(), out);
			out.append(fuzzy.getMaxEdits())
				.append(' ')
				.append(fuzzy.getPrefixLength())
				.append(' ')
				.append(fuzzy.getTranspositions() ? 1 : 0);
		}
		else if (query instanceof PointRangeQuery range && range.getNumDims() == 1
				&& (range.getBytesPerDim() == Long.BYTES || range.getBytesPerDim() == Integer.BYTES)) {
			boolean isLong = range.getBytesPerDim() == Long.BYTES;
			out.append(isLong ? "(rl " : "(ri ");
			str(range.getField(), out);
			if (isLong) {
				out.append(LongPoint.decodeDimension(range.getLowerPoint(), 0))
					.append(' ')
					.append(LongPoint.decodeDimension(range.getUpperPoint(), 0));
			}
			else {
				out.append(IntPoint.decodeDimension(range.getLowerPoint(), 0))
					.append(' ')
					.append(IntPoint.decodeDimension(range.getUpperPoint(), 0));
			}
		}
		else if (query instanceof FieldExistsQuery exists) {
			out.append("(e ");
			str(exists.getField(), out);
		}
		else if (query instanceof TermInSetQuery set) {
			out.append("(in ");
			str(set.getField(), out);
			List<String> terms = new ArrayList<>();
			try {
				var iterator = set.getBytesRefIterator();
				for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
					terms.add(term.utf8ToString());
				}
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			out.append(terms.size());
			for (String term : terms) {
				out.append(' ');
				str(term, out);
			}
		}
		else if (query instanceof MatchAllDocsQuery) {
			out.append("(all");
		}
		else if (query instanceof MatchNoDocsQuery) {
			out.append("(none");
		}
		else {
			throw new IllegalArgumentException("cannot encode a " + query.getClass().getName() + ": " + query);
		}
		out.append(')');
	}

	private static void term(Term term, StringBuilder out) {
		str(term.field(), out);
		str(term.text(), out);
	}

	private static void str(String value, StringBuilder out) {
		out.append(value.length()).append(':').append(value).append(' ');
	}

	private static char occur(BooleanClause.Occur occur) {
		return switch (occur) {
			case MUST -> 'm';
			case SHOULD -> 's';
			case FILTER -> 'f';
			case MUST_NOT -> 'n';
		};
	}

	private static final class Reader {

		private final String text;

		private int pos;

		Reader(String text) {
			this.text = text;
		}

		Query query() {
			expect('(');
			String tag = word();
			Query query = switch (tag) {
				case "t" -> new TermQuery(term());
				case "p" -> {
					String field = str();
					int slop = integer();
					int count = integer();
					PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
					for (int i = 0; i < count; i++) {
						int position = integer();
						phrase.add(new Term(field, str()), position);
					}
					yield phrase.build();
				}
				case "mp" -> {
					String field = str();
					int slop = integer();
					int count = integer();
					MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder().setSlop(slop);
					for (int i = 0; i < count; i++) {
						int position = integer();
						Term[] terms = new Term[integer()];
						for (int j = 0; j < terms.length; j++) {
							terms[j] = new Term(field, str());
						}
						phrase.add(terms, position);
					}
					yield phrase.build();
				}
				case "s" -> {
					String field = str();
					int count = integer();
					SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
					for (int i = 0; i < count; i++) {
						synonyms.addTerm(new Term(field, str()));
					}
					yield synonyms.build();
				}
				case "b" -> {
					BooleanQuery.Builder bool = new BooleanQuery.Builder().setMinimumNumberShouldMatch(integer());
					int count = integer();
					for (int i = 0; i < count; i++) {
						BooleanClause.Occur occur = switch (word()) {
							case "m" -> BooleanClause.Occur.MUST;
							case "s" -> BooleanClause.Occur.SHOULD;
							case "f" -> BooleanClause.Occur.FILTER;
							case "n" -> BooleanClause.Occur.MUST_NOT;
							default -> throw error("unknown clause occurrence");
						};
						bool.add(query(), occur);
						skipSpace();
					}
					yield bool.build();
				}
				case "d" -> {
					float tieBreaker = Float.parseFloat(word());
					int count = integer();
					List<Query> disjuncts = new ArrayList<>(count);
					for (int i = 0; i < count; i++) {
						disjuncts.add(query());
						skipSpace();
					}
					yield new DisjunctionMaxQuery(disjuncts, tieBreaker);
				}
				case "^" -> {
					float boost = Float.parseFloat(word());
					yield new BoostQuery(query(), boost);
				}
				case "c" -> new ConstantScoreQuery(query());
				case "x" -> new PrefixQuery(term());
				case "w" -> new WildcardQuery(term());
				case "f" -> {
					Term term = term();
					int maxEdits = integer();
					int prefixLength = integer();
					boolean transpositions = integer() == 1;
					yield new FuzzyQuery(term, maxEdits, prefixLength, FuzzyQuery.defaultMaxExpansions, transpositions);
				}
				case "rl" -> {
					String field = str();
					yield LongPoint.newRangeQuery(field, Long.parseLong(word()), Long.parseLong(word()));
				}
				case "ri" -> {
					String field = str();
					yield IntPoint.newRangeQuery(field, integer(), integer());
				}
				case "e" -> new FieldExistsQuery(str());
				case "in" -> {
					String field = str();
					int count = integer();
					List<BytesRef> terms = new ArrayList<>(count);
					for (int i = 0; i < count; i++) {
						terms.add(new BytesRef(str()));
					}
					yield new TermInSetQuery(field, terms);
				}
				case "all" -> new MatchAllDocsQuery();
				case "none" -> new MatchNoDocsQuery();
				default -> throw error("unknown query type '" + tag + "'");
			};
			skipSpace();
			expect(')');
			return query;
		}

		private Term term() {
			String field = str();
			return new Term(field, str());
		}

		private String str() {
			skipSpace();
			int colon = this.text.indexOf(':', this.pos);
			if (colon < 0) {
				throw error("expected a string");
			}
			int length;
			try {
				length = Integer.parseInt(this.text, this.pos, colon, 10);
			}
			catch (NumberFormatException ex) {
				throw error("expected a string length");
			}
			int end = colon + 1 + length;
			if (length < 0 || end > this.text.length()) {
				throw error("string runs past the end");
			}
			String value = this.text.substring(colon + 1, end);
			this.pos = end;
			return value;
		}

		private int integer() {
			try {
				return Integer.parseInt(word());
			}
			catch (NumberFormatException ex) {
				throw error("expected a number");
			}
		}

		/** The next run of characters up to a space or a parenthesis. */
		private String word() {
			skipSpace();
			int start = this.pos;
			while (this.pos < this.text.length() && " ()".indexOf(this.text.charAt(this.pos)) < 0) {
				this.pos++;
			}
			if (start == this.pos) {
				throw error("expected a word");
			}
			return this.text.substring(start, this.pos);
		}

		private void skipSpace() {
			while (this.pos < this.text.length() && this.text.charAt(this.pos) == ' ') {
				this.pos++;
			}
		}

		private void expect(char c) {
			skipSpace();
			if (this.pos >= this.text.length() || this.text.charAt(this.pos) != c) {
				throw error("expected '" + c + "'");
			}
			this.pos++;
		}

		IllegalArgumentException error(String what) {
			return new IllegalArgumentException("not an encoded query: " + what + " at character " + this.pos);
		}

	}

}
