package io.podlens.text.lucene;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** Factory for {@link ContentWordsFilter}, {@code podlensContentWords}. No arguments. */
public class ContentWordsFilterFactory extends TokenFilterFactory {

	/** SPI name. */
	public static final String NAME = "podlensContentWords";

	public ContentWordsFilterFactory(Map<String, String> args) {
		super(args);
		if (!args.isEmpty()) {
			throw new IllegalArgumentException("Unknown parameters: " + args);
		}
	}

	/** For SPI only. */
	public ContentWordsFilterFactory() {
		throw defaultCtorException();
	}

	@Override
	public TokenStream create(TokenStream input) {
		return new ContentWordsFilter(input);
	}

}
