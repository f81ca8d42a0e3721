package io.podlens.text.lucene;

import java.lang.Character.UnicodeScript;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English possessive and plural stripping, for tokens written in Latin script only (模型s
 * keeps its 模型).
 */
public final class LatinEnglishFilter extends ConditionalTokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	public LatinEnglishFilter(TokenStream input) {
		super(input, (in) -> new EnglishMinimalStemFilter(new EnglishPossessiveFilter(in)));
	}

	@Override
	protected boolean shouldFilter() {
		return this.term.length() > 0 && UnicodeScript.of(Character.codePointAt(this.term, 0)) == UnicodeScript.LATIN;
	}

}
