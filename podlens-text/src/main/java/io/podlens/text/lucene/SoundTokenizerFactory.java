package io.podlens.text.lucene;

import java.util.Map;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;

/** Factory for {@link SoundTokenizer}, {@code podlensSound}. No arguments. */
public class SoundTokenizerFactory extends TokenizerFactory {

	/** SPI name. */
	public static final String NAME = "podlensSound";

	public SoundTokenizerFactory(Map<String, String> args) {
		super(args);
		if (!args.isEmpty()) {
			throw new IllegalArgumentException("Unknown parameters: " + args);
		}
	}

	/** For SPI only. */
	public SoundTokenizerFactory() {
		throw defaultCtorException();
	}

	@Override
	public Tokenizer create(AttributeFactory factory) {
		return new SoundTokenizer(factory);
	}

}
