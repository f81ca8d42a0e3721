package io.podlens.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import io.podlens.text.SimplifiedChinese;

/**
 * Whole words for keyword statistics: ICU's dictionary segmentation of Chinese (so 多模態
 * stays one word instead of the half-word bigrams 多模 and 模態), Simplified script, width
 * and case folding, and only content words: Han words of two or more characters, Latin
 * words of three or more letters, no function words.
 */
final class WordAnalyzer extends Analyzer {

	private static final Set<String> STOPWORDS = loadStopwords();

	/** Simplified forms: the analyzer converts before this filter runs. */
	private static final String FUNCTION_STARTS = "我你他她它这那是";

	private static final String FUNCTION_ENDS = "的是了在吗呢吧啊呀么";

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		// cjkAsWords=true: the dictionary splits Han runs into words.
		Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(true, true));
		TokenStream stream = SimplifiedFoldingFilter.simplifyAndFold(tokenizer);
		stream = contentWords(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

	/** Drops all but content words. */
	static TokenStream contentWords(TokenStream stream) {
		return new ContentWords(stream);
	}

	static boolean isContentWord(CharSequence term) {
		if (term.length() == 0 || STOPWORDS.contains(term.toString())) {
			return false;
		}
		int first = Character.codePointAt(term, 0);
		UnicodeScript script = UnicodeScript.of(first);
		if (script == UnicodeScript.HAN) {
			// Pronoun + verb and verb + particle pairs (我是, 它的, 說的) are grammar, not
			// topics.
			return term.codePoints().count() >= 2 && FUNCTION_STARTS.indexOf(term.charAt(0)) < 0
					&& FUNCTION_ENDS.indexOf(term.charAt(term.length() - 1)) < 0;
		}
		if (script == UnicodeScript.LATIN) {
			// Contractions (it's, don't) are function words too.
			return term.length() >= 3 && term.chars().noneMatch((c) -> c == '\'' || c == '\u2019');
		}
		return false;
	}

	private static Set<String> loadStopwords() {
		Set<String> words = new HashSet<>();
		try (InputStream in = WordAnalyzer.class.getResourceAsStream("/search/stopwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("search/stopwords.txt is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					// Stored folded the way the analyzer folds, so lookups match.
					words.add(SimplifiedChinese.convert(word).toLowerCase(java.util.Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

	private static final class ContentWords extends FilteringTokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		ContentWords(TokenStream in) {
			super(in);
		}

		@Override
		protected boolean accept() {
			return isContentWord(this.term);
		}

	}

}
