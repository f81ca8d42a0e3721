package io.podlens.text.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * Whole words for keyword statistics: ICU's dictionary segmentation of Chinese (so 多模態
 * stays one word instead of the half-word bigrams 多模 and 模態), Simplified script, width
 * and case folding, and only {@link ContentWordsFilter content words}.
 * <p>
 * By SPI names: tokenizer {@code icu} ({@code cjkAsWords=true}), then
 * {@code podlensSimplifiedFolding}, {@code podlensContentWords}.
 */
public final class WordAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		// cjkAsWords=true: the dictionary splits Han runs into words.
		Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(true, true));
		TokenStream stream = new SimplifiedFoldingFilter(tokenizer, true, true);
		stream = new ContentWordsFilter(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new SimplifiedFoldingFilter(in, true, true);
	}

}
