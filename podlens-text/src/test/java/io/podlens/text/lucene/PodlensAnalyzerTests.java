package io.podlens.text.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodlensAnalyzerTests {

	private final Analyzer query = PodlensAnalyzer.forQuery();

	private final Analyzer index = PodlensAnalyzer.forIndexing();

	@Test
	void mixedTextGivesLatinWordsAndSimplifiedBigrams() throws IOException {
		assertThat(tokens(this.query, "GPT-4O是原生的多模態模型")).containsExactly("gpt", "4o", "是原", "原生", "生的", "的多", "多模",
				"模态", "态模", "模型");
	}

	@Test
	void fullWidthLatinFoldsToAscii() throws IOException {
		assertThat(tokens(this.query, "ＧＰＴ－４Ｖ")).containsExactly("gpt", "4v");
		assertThat(tokens(this.query, "Gpt-4v")).isEqualTo(tokens(this.query, "GPT-4V"));
	}

	@Test
	void simplifiedQueryEqualsTraditionalText() throws IOException {
		assertThat(tokens(this.query, "多模态模型")).isEqualTo(tokens(this.query, "多模態模型"))
			.containsExactly("多模", "模态", "态模", "模型");
		assertThat(tokens(this.query, "變色龍")).containsExactly("变色", "色龙");
	}

	@Test
	void englishPluralsAndPossessivesStem() throws IOException {
		assertThat(tokens(this.query, "models Model Meta's studies")).containsExactly("model", "model", "meta",
				"study");
	}

	@Test
	void chineseIsNotStemmed() throws IOException {
		assertThat(tokens(this.query, "模型s")).containsExactly("模型", "s");
	}

	@Test
	void indexAnalyzerStacksUnigramsUnderBigrams() throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = this.index.tokenStream("text", "變色龍")) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term + "/" + inc.getPositionIncrement());
			}
			stream.end();
		}
		assertThat(tokens).containsExactly("变/1", "变色/0", "色/1", "色龙/0", "龙/1");
	}

	@Test
	void singleHanCharacterStaysAUnigram() throws IOException {
		assertThat(tokens(this.query, "龍")).containsExactly("龙");
	}

	@Test
	void normalizeFoldsPrefixTerms() {
		assertThat(this.query.normalize("text", "ＧＰＴ").utf8ToString()).isEqualTo("gpt");
		assertThat(this.query.normalize("text", "模態").utf8ToString()).isEqualTo("模态");
	}

	static List<String> tokens(Analyzer analyzer, String text) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return tokens;
	}

}
