package io.podlens.text.lucene;

import org.apache.lucene.analysis.Analyzer;

/**
 * Analysis for sounds-like search: the {@link SoundTokenizer} alone. By SPI name:
 * tokenizer {@code podlensSound}.
 */
public final class SoundAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		return new TokenStreamComponents(new SoundTokenizer());
	}

}
