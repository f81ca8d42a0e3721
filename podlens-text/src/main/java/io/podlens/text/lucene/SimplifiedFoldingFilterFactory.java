package io.podlens.text.lucene;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Factory for {@link SimplifiedFoldingFilter}, {@code podlensSimplifiedFolding}.
 * Arguments {@code simplify} and {@code fold}, both true by default. It also normalises
 * prefix and wildcard terms, with the same steps.
 */
public class SimplifiedFoldingFilterFactory extends TokenFilterFactory {

	/** SPI name. */
	public static final String NAME = "podlensSimplifiedFolding";

	private final boolean simplify;

	private final boolean fold;

	public SimplifiedFoldingFilterFactory(Map<String, String> args) {
		super(args);
		this.simplify = getBoolean(args, "simplify", true);
		this.fold = getBoolean(args, "fold", true);
		if (!args.isEmpty()) {
			throw new IllegalArgumentException("Unknown parameters: " + args);
		}
	}

	/** For SPI only. */
	public SimplifiedFoldingFilterFactory() {
		throw defaultCtorException();
	}

	@Override
	public TokenStream create(TokenStream input) {
		return new SimplifiedFoldingFilter(input, this.simplify, this.fold);
	}

	@Override
	public TokenStream normalize(TokenStream input) {
		return new SimplifiedFoldingFilter(input, this.simplify, this.fold);
	}

}
