package io.podlens.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * The classic query parser on the text field, AND by default, with every
 * whitespace-separated word that analyzes to several tokens (a Chinese word, GPT-4V)
 * turned into a phrase. Not thread-safe: one per query.
 */
final class SegmentQueryParser extends QueryParser {

	SegmentQueryParser(Analyzer analyzer) {
		this(SegmentDocuments.TEXT, analyzer);
	}

	/** A parser whose unqualified words search {@code field} (the sound field, say). */
	SegmentQueryParser(String field, Analyzer analyzer) {
		super(field, analyzer);
		setDefaultOperator(Operator.AND);
		// Phrase generation only works on whitespace-split input.
		setSplitOnWhitespace(true);
		setAutoGeneratePhraseQueries(true);
		setAllowLeadingWildcard(false);
	}

	@Override
	protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
		requireTextField(field, queryText);
		return super.getFieldQuery(field, queryText, quoted);
	}

	@Override
	protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
		requireTextField(field, queryText);
		return super.getFieldQuery(field, queryText, slop);
	}

	@Override
	protected Query getPrefixQuery(String field, String termStr) throws ParseException {
		requireTextField(field, termStr);
		return super.getPrefixQuery(field, termStr);
	}

	@Override
	protected Query getWildcardQuery(String field, String termStr) throws ParseException {
		if (!("*".equals(field) && "*".equals(termStr))) {
			requireTextField(field, termStr);
		}
		return super.getWildcardQuery(field, termStr);
	}

	@Override
	protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
		requireTextField(field, termStr);
		return super.getFuzzyQuery(field, termStr, minSimilarity);
	}

	@Override
	protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
			boolean endInclusive) throws ParseException {
		throw new ParseException("range queries ([a TO b]) are not supported; use the fromMs and toMs filters");
	}

	@Override
	protected Query getRegexpQuery(String field, String termStr) throws ParseException {
		throw new ParseException("regular expressions (/…/) are not supported; put the text in quotes");
	}

	private void requireTextField(String field, String text) throws ParseException {
		if (!getField().equals(field)) {
			throw new ParseException("unknown field '" + field + "' before '" + text
					+ "'; only the transcript text is searchable (write \\: for a literal colon)");
		}
	}

}
