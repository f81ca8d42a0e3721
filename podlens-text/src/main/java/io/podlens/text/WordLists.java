package io.podlens.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Word lists shipped with the kernel, all in one format: words separated by whitespace,
 * any number a line, {@code #} starts a comment that runs to the end of the line.
 */
public final class WordLists {

	private static final String DIR = "/io/podlens/text/";

	/** Function words and fillers, folded: never keywords or chapter titles. */
	public static final Set<String> STOPWORDS = union(load("stopwords-en.txt", Folding::fold),
			load("stopwords-zh.txt", Folding::fold));

	/**
	 * Question words and one-character function words, folded: what a query typed as a
	 * question carries besides its topic (哪裡, 嗎, 的, 從), never required by search.
	 */
	public static final Set<String> QUERY_FUNCTION_WORDS = load("query-function-words.txt", Folding::fold);

	/**
	 * Common English words as {@link Folding#key keys}: not fuzzed into names lightly.
	 */
	public static final Set<String> COMMON_ENGLISH = load("common-english-words.txt", Folding::key);

	/**
	 * Words that say how people talk rather than what about, folded: interjections,
	 * discourse words, conversational verbs, evaluative adjectives and adverbs, vague
	 * conversational nouns (English and Chinese), with every stopword. Never part of a
	 * chapter title.
	 */
	public static final Set<String> FILLER = union(load("filler-words.txt", Folding::fold), STOPWORDS);

	/**
	 * {@link #FILLER} and vague words of size, time, quantity and people, folded: never a
	 * chapter title on their own, but allowed inside a key phrase next to a word that
	 * names something ("deep learning", "world models").
	 */
	public static final Set<String> GENERIC = union(load("generic-words.txt", Folding::fold), FILLER);

	/**
	 * English words and given names or places as {@link Folding#key keys}, about 44,000
	 * (SCOWL sizes up to 35, names up to 50): a misspelt-looking name whose text is one
	 * of these is more likely the word, so the topic layers want context before fuzzing
	 * it.
	 */
	public static final Set<String> ENGLISH_WORDS = load("english-words.txt", Folding::key);

	/**
	 * The most common English words as {@link Folding#key keys}, about 4,000 (SCOWL size
	 * 10): such a word alone is never taken for a misheard name.
	 */
	public static final Set<String> FREQUENT_ENGLISH = load("english-words-frequent.txt", Folding::key);

	/** Words showing that talk is about AI and technology, any script, as keys. */
	public static final Set<String> AI_CUES = load("ai-cues.txt", Folding::key);

	private WordLists() {
	}

	/**
	 * Reads a list of the kernel (a file name under {@code io/podlens/text/}).
	 * @param key the form each word is stored in, the form lookups use
	 */
	public static Set<String> load(String name, UnaryOperator<String> key) {
		Set<String> words = new HashSet<>();
		try (InputStream in = WordLists.class.getResourceAsStream(DIR + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + DIR + name);
			}
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				int hash = line.indexOf('#');
				String content = (hash >= 0) ? line.substring(0, hash) : line;
				for (String word : content.strip().split("\\s+")) {
					String stored = word.isEmpty() ? "" : key.apply(word);
					if (!stored.isEmpty()) {
						words.add(stored);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

}
