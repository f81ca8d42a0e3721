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
import org.junit.jupiter.api.Test;

import io.podlens.text.LatinSound;
import io.podlens.text.Pinyin;
import io.podlens.text.SimplifiedChinese;
import io.podlens.text.Token;
import io.podlens.text.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyzers' fast Simplified conversion and folding give exactly the tokens of ICU's
 * own filters (ICUTransformFilter, ICUFoldingFilter), and the sounds-like tokens split
 * and key words as topic matching does, on hand-made edge cases and on every line of the
 * seed and the corpus.
 */
class AnalysisEquivalenceTests {

	private static final Transliterator ICU_SIMPLIFIED = Transliterator.getInstance(SimplifiedChinese.ICU_ID);

	@Test
	void edgeCasesMatchIcu() throws IOException {
		for (String text : TokenLists.EDGE_CASES) {
			assertSame(text);
		}
	}

	@Test
	void seedAndCorpusMatchIcu() throws IOException {
		for (String line : TokenLists.corpus()) {
			assertSame(line);
		}
	}

	private static void assertSame(String text) throws IOException {
		assertThat(TokenLists.tokens(PodlensAnalyzer.forIndexing(), text)).as(text)
			.isEqualTo(TokenLists.tokens(new ReferenceText(true), text));
		assertThat(TokenLists.tokens(PodlensAnalyzer.forQuery(), text)).as(text)
			.isEqualTo(TokenLists.tokens(new ReferenceText(false), text));
		assertThat(TokenLists.tokens(new WordAnalyzer(), text)).as(text)
			.isEqualTo(TokenLists.tokens(new ReferenceWords(), text));
		assertThat(TokenLists.tokens(new SoundAnalyzer(), text)).as(text).isEqualTo(referenceSounds(text));
		assertThat(PodlensAnalyzer.forQuery().normalize("text", text).utf8ToString()).as(text)
			.isEqualTo(ICUFoldingFilter.NORMALIZER.normalize(ICU_SIMPLIFIED.transliterate(text)));
	}

	/**
	 * Sounds-like tokens without the fast path and the cache, split as topic matching
	 * splits ({@link Tokens}): ICU folding of every word, then its sound key.
	 */
	private static List<String> referenceSounds(String text) {
		Normalizer2 fold = ICUFoldingFilter.NORMALIZER;
		List<String> expected = new ArrayList<>();
		for (Token token : Tokens.of(text)) {
			String word = text.substring(token.start(), token.end());
			String key = token.han() ? Pinyin.merged(word.codePointAt(0)) : LatinSound.key(fold.normalize(word));
			if (!key.isEmpty()) {
				expected.add(key + "@" + token.start() + "-" + token.end() + "+1");
			}
		}
		expected.add("end@" + text.length());
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
