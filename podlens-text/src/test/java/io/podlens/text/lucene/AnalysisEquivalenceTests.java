package io.podlens.text.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import io.podlens.text.LatinSound;
import io.podlens.text.Pinyin;
import io.podlens.text.SharedData;
import io.podlens.text.SimplifiedChinese;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzers' fast Simplified conversion and folding give exactly the tokens of ICU's
 * own filters (ICUTransformFilter, ICUFoldingFilter, NFKC case folding), on hand-made
 * edge cases and on every line of the seed and the corpus.
 */
class AnalysisEquivalenceTests {

	private static final Transliterator ICU_SIMPLIFIED = Transliterator.getInstance(SimplifiedChinese.ICU_ID);

	private static final List<String> EDGE_CASES = List.of("GPT-4O是原生的多模態模型", "ＧＰＴ－４Ｖ and Ｌｌａｍａ３",
			"Café naïve résumé Ångström", "很著名的著作，於是", "ｶﾞｷﾞ ガギ ｱｲｳ", "兀 﨑 豈", "ΑΒΓ Привет", "İstanbul ǅ ß ﬁ",
			"e=mc² ½ ⅷ ①", "DeepSeek-V3 o1-preview Meta's models", "😀 emoji 模型😀", "𠀀𠀁 rare", "");

	@Test
	void edgeCasesMatchIcu() throws IOException {
		for (String text : EDGE_CASES) {
			assertSame(text);
		}
	}

	@Test
	void seedAndCorpusMatchIcu() throws IOException {
		List<String> lines = SharedData.textLines("seeds", "corpus/zh", "corpus/en");
		for (String line : lines) {
			assertSame(line);
		}
		assertThat(lines).hasSizeGreaterThan(10_000);
	}

	private static void assertSame(String text) throws IOException {
		assertThat(tokens(PodlensAnalyzer.forIndexing(), text)).as(text)
			.isEqualTo(tokens(new ReferenceText(true), text));
		assertThat(tokens(PodlensAnalyzer.forQuery(), text)).as(text).isEqualTo(tokens(new ReferenceText(false), text));
		assertThat(tokens(new WordAnalyzer(), text)).as(text).isEqualTo(tokens(new ReferenceWords(), text));
		assertThat(tokens(new SoundAnalyzer(), text)).as(text).isEqualTo(referenceSounds(text));
		assertThat(PodlensAnalyzer.forQuery().normalize("text", text).utf8ToString()).as(text)
			.isEqualTo(ICUFoldingFilter.NORMALIZER.normalize(ICU_SIMPLIFIED.transliterate(text)));
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
		}
		return tokens;
	}

	/** Sounds-like tokens without the fast path and cache: ICU folding of every word. */
	private static List<String> referenceSounds(String text) throws IOException {
		Normalizer2 fold = ICUFoldingFilter.NORMALIZER;
		List<String> tokens = new ArrayList<>();
		for (String token : tokens(new SoundAnalyzer(), text)) {
			tokens.add(token);
		}
		// Re-derive each Latin key from the original word with ICU's folding.
		List<String> expected = new ArrayList<>();
		for (String token : tokens) {
			String range = token.substring(token.lastIndexOf('@') + 1, token.lastIndexOf('+'));
			int start = Integer.parseInt(range.substring(0, range.indexOf('-')));
			int end = Integer.parseInt(range.substring(range.indexOf('-') + 1));
			String word = text.substring(start, end);
			String key = (Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN)
					? Pinyin.merged(word.codePointAt(0)) : LatinSound.key(fold.normalize(word));
			expected.add(key + token.substring(token.lastIndexOf('@')));
		}
		return expected;
	}

	/** The text analyzer as built from ICU's filters. */
	private static final class ReferenceText extends Analyzer {

		private final boolean unigrams;

		ReferenceText(boolean unigrams) {
			this.unigrams = unigrams;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
			TokenStream stream = new ICUTransformFilter(tokenizer, ICU_SIMPLIFIED);
			stream = new CJKBigramFilter(stream,
					CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL,
					this.unigrams);
			stream = new ICUFoldingFilter(stream);
			return new TokenStreamComponents(tokenizer, new LatinEnglishFilter(stream));
		}

	}

	/** The keyword analyzer as built from ICU's filters. */
	private static final class ReferenceWords extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(true, true));
			TokenStream stream = new ICUFoldingFilter(new ICUTransformFilter(tokenizer, ICU_SIMPLIFIED));
			return new TokenStreamComponents(tokenizer, new ContentWordsFilter(stream));
		}

	}

}
