package io.podlens.text.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import io.podlens.text.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens as comparable strings, and the edge cases every analysis test goes through. */
final class TokenLists {

	/** Scripts, widths, accents, phrase rules, surrogates, empty text. */
	static final List<String> EDGE_CASES = List.of("GPT-4O是原生的多模態模型", "ＧＰＴ－４Ｖ and Ｌｌａｍａ３", "Café naïve résumé Ångström",
			"很著名的著作，於是", "ｶﾞｷﾞ ガギ ｱｲｳ", "兀 﨑 豈", "ΑΒΓ Привет", "İstanbul ǅ ß ﬁ", "e=mc² ½ ⅷ ①",
			"DeepSeek-V3 o1-preview Meta's models", "😀 emoji 模型😀", "𠀀𠀁 rare", "變色龍 項量 向量",
			"Chameleon Camellian GBT-4O", "我們的節目 it's don't 多模態", "");

	private TokenLists() {
	}

	/** Every line of the seed and the corpus (more than 10,000). */
	static List<String> corpus() throws IOException {
		List<String> lines = SharedData.textLines("seeds", "corpus/zh", "corpus/en");
		assertThat(lines).hasSizeGreaterThan(10_000);
		return lines;
	}

	/** Each token as {@code term@start-end+increment}, then the final offset. */
	static List<String> tokens(Analyzer analyzer, String text) throws IOException {
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
