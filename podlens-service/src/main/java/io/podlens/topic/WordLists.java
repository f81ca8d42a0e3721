package io.podlens.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Word lists shipped as resources: one entry a line, {@code #} starts a comment. */
final class WordLists {

	/** Common English words: never fuzzed into names without strong context. */
	static final Set<String> COMMON_ENGLISH = load("topics/common-english-words.txt");

	/** Words showing that talk is about AI and technology, in any script. */
	static final Set<String> AI_CUES = load("topics/ai-cues.txt");

	private WordLists() {
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = WordLists.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				int hash = line.indexOf('#');
				String content = (hash >= 0) ? line.substring(0, hash) : line;
				for (String word : content.trim().split("[,\\s]+")) {
					if (!word.isEmpty()) {
						words.add(Folding.key(word));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
