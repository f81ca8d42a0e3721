package io.podlens.text.lucene;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** Factory for {@link LatinEnglishFilter}, {@code podlensLatinEnglish}. No arguments. */
public class LatinEnglishFilterFactory extends TokenFilterFactory {

	/** SPI name. */
	public static final String NAME = "podlensLatinEnglish";

	public LatinEnglishFilterFactory(Map<String, String> args) {
		super(args);
		if (!args.isEmpty()) {
			throw new IllegalArgumentException("Unknown parameters: " + args);
		}
	}

	/** For SPI only. */
	public LatinEnglishFilterFactory() {
		throw defaultCtorException();
	}

	@Override
	public TokenStream create(TokenStream input) {
		return new LatinEnglishFilter(input);
	}

}
