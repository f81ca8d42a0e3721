package io.podlens.text.lucene;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import io.podlens.text.Folding;
import io.podlens.text.SimplifiedChinese;

/**
 * Traditional to Simplified Chinese, then ICU folding (width, case, accents): the output
 * of {@code ICUTransformFilter(Traditional-Simplified)} followed by
 * {@link ICUFoldingFilter}, at a fraction of the cost (see {@link Folding}). Either step
 * can be switched off.
 */
public final class SimplifiedFoldingFilter extends TokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final boolean simplify;

	private final boolean fold;

	/**
	 * @param simplify convert Traditional to Simplified
	 * @param fold then apply ICU folding
	 */
	public SimplifiedFoldingFilter(TokenStream input, boolean simplify, boolean fold) {
		super(input);
		this.simplify = simplify;
		this.fold = fold;
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
		if (this.fold && !Folding.foldSimple(buffer, length)) {
			String folded = Folding.ICU_FOLDING.normalize(this.term);
			this.term.setEmpty().append(folded);
		}
		return true;
	}

}
