package io.podlens.text.lucene;

import java.lang.Character.UnicodeScript;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import io.podlens.text.WordLists;

/**
 * Keeps content words only, for keyword statistics: Han words of two or more characters,
 * Latin words of three or more letters, no {@link WordLists#STOPWORDS stopwords}. Expects
 * folded terms.
 */
public final class ContentWordsFilter extends FilteringTokenFilter {

	/** Simplified forms: the analyzer converts before this filter runs. */
	private static final String FUNCTION_STARTS = "我你他她它这那是";

	private static final String FUNCTION_ENDS = "的是了在吗呢吧啊呀么";

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	public ContentWordsFilter(TokenStream input) {
		super(input);
	}

	@Override
	protected boolean accept() {
		return isContentWord(this.term);
	}

	/** Whether a folded term is a content word. */
	public static boolean isContentWord(CharSequence term) {
		if (term.length() == 0 || WordLists.STOPWORDS.contains(term.toString())) {
			return false;
		}
		int first = Character.codePointAt(term, 0);
		UnicodeScript script = UnicodeScript.of(first);
		if (script == UnicodeScript.HAN) {
			// Grammar, not topics: pronoun + verb, verb + particle (我是, 說的).
			return term.codePoints().count() >= 2 && FUNCTION_STARTS.indexOf(term.charAt(0)) < 0
					&& FUNCTION_ENDS.indexOf(term.charAt(term.length() - 1)) < 0;
		}
		if (script == UnicodeScript.LATIN) {
			// Contractions (it's, don't) are function words too.
			return term.length() >= 3 && term.chars().noneMatch((c) -> c == '\'' || c == '\u2019');
		}
		return false;
	}

}
