package io.podlens.topic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads labelled topic ids at the granularity of the taxonomy under test. The label files
 * name topics of the broad taxonomy ({@code labels/label-topics.tsv} keeps their names
 * and parents); a labelled id the taxonomy under test lacks is read as the topic that has
 * its name as name or alias (DeepSeek-V3 is an alias of an older taxonomy's
 * deepseek-model), else as its parent of the same category read the same way (a version
 * as its family), else it stays itself and can only be missed. An {@code unlisted:} label
 * (an entity that taxonomy lacked, by its English name) is read as the topic that has
 * that name as name or alias, else it can only be missed.
 */
final class LabelTopics {

	static final String UNLISTED = "unlisted:";

	private record Entry(String name, String category, String parent) {
	}

	private final Map<String, Entry> entries = new HashMap<>();

	private final Map<String, String> byName = new HashMap<>();

	private final Taxonomy taxonomy;

	LabelTopics(Taxonomy taxonomy) throws IOException {
		this.taxonomy = taxonomy;
		try (InputStream in = LabelTopics.class.getClassLoader().getResourceAsStream("labels/label-topics.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t", -1);
				this.entries.put(parts[0], new Entry(parts[1], parts[2], parts[3].strip()));
			}
		}
		for (Topic topic : taxonomy.topics()) {
			this.byName.putIfAbsent(key(topic.name()), topic.id());
		}
		for (Topic topic : taxonomy.topics()) {
			for (String name : topic.names()) {
				this.byName.putIfAbsent(key(name), topic.id());
			}
		}
	}

	/** The labelled id as the taxonomy under test knows it. */
	String read(String labelled) {
		if (labelled.startsWith(UNLISTED)) {
			// An entity the labels' taxonomy lacked counts as found once a topic of the
			// taxonomy under test is named by the English name the label gives it.
			String named = this.byName.get(key(labelled.substring(UNLISTED.length())));
			return named != null ? named : labelled;
		}
		if (this.taxonomy.topic(labelled).isPresent()) {
			return labelled;
		}
		Set<String> seen = new LinkedHashSet<>();
		String next = labelled;
		while (next != null && !next.isEmpty() && seen.add(next)) {
			if (this.taxonomy.topic(next).isPresent()) {
				return next;
			}
			Entry entry = this.entries.get(next);
			if (entry == null) {
				break;
			}
			Optional<String> named = Optional.ofNullable(this.byName.get(key(entry.name())));
			if (named.isPresent()) {
				return named.get();
			}
			// Only a parent of the same category stands in (a version for its family): a
			// person is not their company, nor a product its maker.
			Entry parent = this.entries.get(entry.parent());
			next = (parent != null && parent.category().equals(entry.category())) ? entry.parent() : null;
		}
		return labelled;
	}

	/** Labelled (segment, topic) pairs read through {@link #read}. */
	Set<String> read(Set<String> labelledPairs) {
		Set<String> out = new LinkedHashSet<>();
		for (String pair : labelledPairs) {
			int tab = pair.indexOf('\t');
			out.add(pair.substring(0, tab + 1) + read(pair.substring(tab + 1)));
		}
		return out;
	}

	private static String key(String name) {
		StringBuilder out = new StringBuilder();
		name.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

}
