package io.podlens.search;

import java.io.IOException;

import com.ibm.icu.text.Normalizer2;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import io.podlens.text.SimplifiedChinese;

/**
 * Traditional to Simplified Chinese, then ICU folding (width, case, accents): the output
 * of {@code ICUTransformFilter(Traditional-Simplified)} followed by
 * {@link ICUFoldingFilter}, at a fraction of the cost.
 * <p>
 * Most tokens are ASCII letters and digits or CJK Unified Ideographs; for those folding
 * is lower-casing and nothing else, so they skip ICU's normalizer. Other tokens (accents,
 * full-width forms, compatibility ideographs, symbols) go through it unchanged.
 */
final class SimplifiedFoldingFilter extends TokenFilter {

	private static final Normalizer2 FOLDING = ICUFoldingFilter.NORMALIZER;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final boolean simplify;

	private final boolean fold;

	private SimplifiedFoldingFilter(TokenStream input, boolean simplify, boolean fold) {
		super(input);
		this.simplify = simplify;
		this.fold = fold;
	}

	/** Traditional to Simplified, then folding. */
	static TokenStream simplifyAndFold(TokenStream input) {
		return new SimplifiedFoldingFilter(input, true, true);
	}

	/** Traditional to Simplified only. */
	static TokenStream simplify(TokenStream input) {
		return new SimplifiedFoldingFilter(input, true, false);
	}

	/** Folding only, as {@link ICUFoldingFilter}. */
	static TokenStream fold(TokenStream input) {
		return new SimplifiedFoldingFilter(input, false, true);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!this.input.incrementToken()) {
			return false;
		}
		char[] buffer = this.term.buffer();
		int length = this.term.length();
		if (this.simplify) {
			length = SimplifiedChinese.convertInPlace(buffer, length);
			if (length < 0) {
				String converted = SimplifiedChinese.convert(this.term.toString());
				this.term.setEmpty().append(converted);
				buffer = this.term.buffer();
				length = this.term.length();
			}
		}
		if (this.fold && !foldSimple(buffer, length)) {
			String folded = FOLDING.normalize(this.term);
			this.term.setEmpty().append(folded);
		}
		return true;
	}

	/**
	 * Lower-cases the token in place when every character is an ASCII letter or digit or
	 * a unified ideograph, where ICU folding does nothing else.
	 * @return false (and nothing changed) when a character needs ICU
	 */
	static boolean foldSimple(char[] buffer, int length) {
		for (int i = 0; i < length; i++) {
			char c = buffer[i];
			boolean simple = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
					|| (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF');
			if (!simple) {
				return false;
			}
		}
		for (int i = 0; i < length; i++) {
			char c = buffer[i];
			if (c >= 'A' && c <= 'Z') {
				buffer[i] = (char) (c + ('a' - 'A'));
			}
		}
		return true;
	}

}
