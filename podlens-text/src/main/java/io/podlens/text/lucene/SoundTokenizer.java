package io.podlens.text.lucene;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;

import org.jspecify.annotations.Nullable;

import io.podlens.text.Folding;
import io.podlens.text.LatinSound;
import io.podlens.text.Pinyin;
import io.podlens.text.Tokens;

/**
 * Sounds-like tokens, split as topic matching splits ({@link Tokens}): one per Han
 * character (its {@link Pinyin#merged merged pinyin}) and one per run of other letters
 * and digits (its {@link LatinSound#key sound key}), each with the offsets of the
 * original text so that matches can be highlighted where they were written.
 */
public final class SoundTokenizer extends Tokenizer {

	/** Bounded so that a stream of unique tokens cannot grow the heap. */
	private static final int WORD_KEYS_CACHED = 100_000;

	private static final Map<String, String> WORD_KEYS = new ConcurrentHashMap<>();

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

	private @Nullable String text;

	private Tokens.@Nullable Scanner scanner;

	public SoundTokenizer() {
	}

	public SoundTokenizer(AttributeFactory factory) {
		super(factory);
	}

	@Override
	public boolean incrementToken() throws IOException {
		clearAttributes();
		String text = this.text;
		Tokens.Scanner scanner = this.scanner;
		if (text == null || scanner == null) {
			text = readAll();
			scanner = new Tokens.Scanner(text);
			this.text = text;
			this.scanner = scanner;
		}
		while (scanner.next()) {
			int start = scanner.start();
			int end = scanner.end();
			String key = scanner.han() ? Pinyin.merged(text.codePointAt(start)) : wordKey(text.substring(start, end));
			if (!key.isEmpty()) {
				this.term.setEmpty().append(key);
				this.offset.setOffset(correctOffset(start), correctOffset(end));
				return true;
			}
		}
		return false;
	}

	@Override
	public void end() throws IOException {
		super.end();
		int last = correctOffset((this.text != null) ? this.text.length() : 0);
		this.offset.setOffset(last, last);
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		this.text = null;
		this.scanner = null;
	}

	private String readAll() throws IOException {
		StringBuilder all = new StringBuilder();
		char[] buffer = new char[4096];
		for (int read = this.input.read(buffer); read != -1; read = this.input.read(buffer)) {
			all.append(buffer, 0, read);
		}
		return all.toString();
	}

	/**
	 * The sound key of a word, cached: a transcript's vocabulary is small next to its
	 * word count.
	 */
	static String wordKey(String word) {
		String key = WORD_KEYS.get(word);
		if (key == null) {
			key = LatinSound.key(Folding.foldOnly(word));
			if (WORD_KEYS.size() < WORD_KEYS_CACHED) {
				WORD_KEYS.put(word, key);
			}
		}
		return key;
	}

}
