package io.podlens.text.lucene;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three analyzers built from SPI names only, as Solr would build them from a schema,
 * give exactly the tokens (terms, offsets, position increments) of the Java analyzers, on
 * edge cases and on every line of the seed and the corpus.
 */
class SpiAnalyzerTests {

	private final Analyzer index = spiText(true);

	private final Analyzer query = spiText(false);

	private final Analyzer words = spiWords();

	private final Analyzer sound = spiSound();

	@Test
	void factoriesAreRegisteredUnderTheirNames() {
		assertThat(TokenFilterFactory.availableTokenFilters()).contains(SimplifiedFoldingFilterFactory.NAME,
				LatinEnglishFilterFactory.NAME, ContentWordsFilterFactory.NAME);
		assertThat(TokenizerFactory.availableTokenizers()).contains(SoundTokenizerFactory.NAME);
		assertThat(TokenFilterFactory.lookupClass("podlensSimplifiedFolding"))
			.isEqualTo(SimplifiedFoldingFilterFactory.class);
		assertThat(TokenizerFactory.lookupClass("podlensSound")).isEqualTo(SoundTokenizerFactory.class);
	}

	@Test
	void edgeCasesMatchTheJavaAnalyzers() throws IOException {
		for (String text : TokenLists.EDGE_CASES) {
			assertSame(text);
		}
	}

	@Test
	void seedAndCorpusMatchTheJavaAnalyzers() throws IOException {
		for (String line : TokenLists.corpus()) {
			assertSame(line);
		}
	}

	private void assertSame(String text) throws IOException {
		assertThat(TokenLists.tokens(this.index, text)).as(text)
			.isEqualTo(TokenLists.tokens(PodlensAnalyzer.forIndexing(), text));
		assertThat(TokenLists.tokens(this.query, text)).as(text)
			.isEqualTo(TokenLists.tokens(PodlensAnalyzer.forQuery(), text));
		assertThat(TokenLists.tokens(this.words, text)).as(text).isEqualTo(TokenLists.tokens(new WordAnalyzer(), text));
		assertThat(TokenLists.tokens(this.sound, text)).as(text)
			.isEqualTo(TokenLists.tokens(new SoundAnalyzer(), text));
		assertThat(this.query.normalize("f", text)).as(text).isEqualTo(PodlensAnalyzer.forQuery().normalize("f", text));
	}

	private static Analyzer spiText(boolean unigrams) {
		try {
			return CustomAnalyzer.builder()
				.withTokenizer("icu", "cjkAsWords", "false")
				.addTokenFilter("podlensSimplifiedFolding", "fold", "false")
				.addTokenFilter("cjkBigram", "outputUnigrams", Boolean.toString(unigrams))
				.addTokenFilter("podlensSimplifiedFolding", "simplify", "false")
				.addTokenFilter("podlensLatinEnglish")
				.build();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Analyzer spiWords() {
		try {
			return CustomAnalyzer.builder()
				.withTokenizer("icu", "cjkAsWords", "true")
				.addTokenFilter("podlensSimplifiedFolding")
				.addTokenFilter("podlensContentWords")
				.build();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Analyzer spiSound() {
		try {
			return CustomAnalyzer.builder().withTokenizer("podlensSound").build();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
