package io.podlens.text.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import io.podlens.text.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three analyzers built from SPI names only, as Solr would build them from a schema,
 * give exactly the tokens (terms, offsets, position increments) of the Java analyzers, on
 * edge cases and on every line of the seed and the corpus.
 */
class SpiAnalyzerTests {

	private static final List<String> EDGE_CASES = List.of("GPT-4O是原生的多模態模型", "ＧＰＴ－４Ｖ and Ｌｌａｍａ３",
			"Café naïve résumé Ångström", "很著名的著作，於是", "ｶﾞｷﾞ ガギ ｱｲｳ", "兀 﨑 豈", "ΑΒΓ Привет", "İstanbul ǅ ß ﬁ",
			"e=mc² ½ ⅷ ①", "DeepSeek-V3 o1-preview Meta's models", "😀 emoji 模型😀", "𠀀𠀁 rare", "變色龍 項量 向量",
			"Chameleon Camellian GBT-4O", "我們的節目 it's don't 多模態", "");

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
		for (String text : EDGE_CASES) {
			assertSame(text);
		}
	}

	@Test
	void seedAndCorpusMatchTheJavaAnalyzers() throws IOException {
		List<String> lines = SharedData.textLines("seeds", "corpus/zh", "corpus/en");
		for (String line : lines) {
			assertSame(line);
		}
		assertThat(lines).hasSizeGreaterThan(10_000);
	}

	private void assertSame(String text) throws IOException {
		assertThat(tokens(this.index, text)).as(text).isEqualTo(tokens(PodlensAnalyzer.forIndexing(), text));
		assertThat(tokens(this.query, text)).as(text).isEqualTo(tokens(PodlensAnalyzer.forQuery(), text));
		assertThat(tokens(this.words, text)).as(text).isEqualTo(tokens(new WordAnalyzer(), text));
		assertThat(tokens(this.sound, text)).as(text).isEqualTo(tokens(new SoundAnalyzer(), text));
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

	private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+"
						+ inc.getPositionIncrement());
			}
			stream.end();
			tokens.add("end@" + offset.endOffset());
		}
		return tokens;
	}

}
