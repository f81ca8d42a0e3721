package io.podlens.text.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * Analysis of mixed Chinese and English transcript text: ICU word segmentation,
 * Traditional to Simplified Chinese, CJK bigrams, width and case folding, then English
 * plural and possessive stripping for Latin words only.
 * <p>
 * The index variant also emits CJK unigrams (stacked on the bigrams) so that a query of a
 * single Han character still finds something; the query variant emits bigrams only, so
 * that the query parser turns a Chinese word into a phrase of adjacent bigrams and 變色龍
 * never matches 色 and 龍 far apart.
 * <p>
 * By SPI names: tokenizer {@code icu} ({@code cjkAsWords=false}), then
 * {@code podlensSimplifiedFolding} ({@code fold=false}), {@code cjkBigram}
 * ({@code outputUnigrams} for indexing), {@code podlensSimplifiedFolding}
 * ({@code simplify=false}), {@code podlensLatinEnglish}.
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
		TokenStream stream = new SimplifiedFoldingFilter(tokenizer, true, false);
		stream = new CJKBigramFilter(stream,
				CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL,
				this.unigrams);
		stream = new SimplifiedFoldingFilter(stream, false, true);
		stream = new LatinEnglishFilter(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

	/** Prefix and wildcard terms skip tokenization but still get converted and folded. */
	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new SimplifiedFoldingFilter(in, true, true);
	}

}
