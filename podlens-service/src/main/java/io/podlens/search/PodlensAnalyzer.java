package io.podlens.search;

import java.lang.Character.UnicodeScript;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analysis of mixed Chinese and English transcript text: ICU word segmentation,
 * Traditional to Simplified Chinese, CJK bigrams, width and case folding, then English
 * plural and possessive stripping for Latin words only.
 * <p>
 * The index variant also emits CJK unigrams (stacked on the bigrams) so that a query of a
 * single Han character still finds something; the query variant emits bigrams only, so
 * that the query parser turns a Chinese word into a phrase of adjacent bigrams and 變色龍
 * never matches 色 and 龍 far apart.
 */
public final class PodlensAnalyzer extends Analyzer {

	private final boolean unigrams;

	private PodlensAnalyzer(boolean unigrams) {
		this.unigrams = unigrams;
	}

	/** Analyzer for indexing: bigrams plus stacked unigrams. */
	public static PodlensAnalyzer forIndexing() {
		return new PodlensAnalyzer(true);
	}

	/** Analyzer for parsing queries: bigrams only. */
	public static PodlensAnalyzer forQuery() {
		return new PodlensAnalyzer(false);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		// cjkAsWords=false: Han runs stay whole so that CJKBigramFilter can pair them.
		Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
		// Whole Han runs are converted, so that ICU's phrase rules (著名) apply.
		TokenStream stream = SimplifiedFoldingFilter.simplify(tokenizer);
		stream = new CJKBigramFilter(stream,
				CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL,
				this.unigrams);
		stream = SimplifiedFoldingFilter.fold(stream);
		stream = latinOnly(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

	/** Prefix and wildcard terms skip tokenization but still get converted and folded. */
	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return SimplifiedFoldingFilter.simplifyAndFold(in);
	}

	/** English plural and possessive stripping, for Latin-script tokens only. */
	static TokenStream latinOnly(TokenStream stream) {
		return new LatinOnly(stream);
	}

	/** Applies the English filters only to tokens written in Latin script. */
	private static final class LatinOnly extends ConditionalTokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		LatinOnly(TokenStream input) {
			super(input, (in) -> new EnglishMinimalStemFilter(new EnglishPossessiveFilter(in)));
		}

		@Override
		protected boolean shouldFilter() {
			return this.term.length() > 0
					&& UnicodeScript.of(Character.codePointAt(this.term, 0)) == UnicodeScript.LATIN;
		}

	}

}
