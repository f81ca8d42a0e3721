package io.podlens.topic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** (segment, topic) pairs: hand labels and extraction results, and their agreement. */
final class Labels {

	private Labels() {
	}

	static Set<String> read(String resource) throws IOException {
		Set<String> pairs = new LinkedHashSet<>();
		try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] parts = trimmed.split("\t");
				pairs.add(Integer.parseInt(parts[0].strip()) + "\t" + parts[1].strip());
			}
		}
		return pairs;
	}

	/** Pairs of named-entity mentions (models, organizations, products, people). */
	static Set<String> named(Collection<Mention> mentions, Taxonomy taxonomy, int maxSegment) {
		Set<String> pairs = new LinkedHashSet<>();
		for (Mention m : mentions) {
			boolean named = taxonomy.topic(m.topicId()).map((t) -> t.category().isNamedEntity()).orElse(false);
			if (named && m.segmentIndex() <= maxSegment) {
				pairs.add(m.segmentIndex() + "\t" + m.topicId());
			}
		}
		return pairs;
	}

	/**
	 * Found pairs read at the granularity of the labels: a found topic the labels never
	 * use (a version added to the taxonomy after they were written, such as
	 * claude-3-5-sonnet under claude) counts as its nearest ancestor the labels do use; a
	 * topic the labels use stays itself, so a found gpt-4o never passes for a labelled
	 * openai.
	 */
	static Set<String> atLabelGranularity(Set<String> found, Set<String> labels, Taxonomy taxonomy) {
		Set<String> vocabulary = new LinkedHashSet<>();
		for (String pair : labels) {
			vocabulary.add(pair.substring(pair.indexOf('\t') + 1));
		}
		Set<String> out = new LinkedHashSet<>();
		for (String pair : found) {
			int tab = pair.indexOf('\t');
			String topic = pair.substring(tab + 1);
			String shown = topic;
			if (!vocabulary.contains(topic)) {
				shown = taxonomy.withAncestors(topic).stream().filter(vocabulary::contains).findFirst().orElse(topic);
			}
			out.add(pair.substring(0, tab) + "\t" + shown);
		}
		return out;
	}

	record Score(int truePositives, int falsePositives, int falseNegatives, Set<String> extra, Set<String> missed) {

		double precision() {
			return (this.truePositives + this.falsePositives == 0) ? 1.0
					: (double) this.truePositives / (this.truePositives + this.falsePositives);
		}

		double recall() {
			return (this.truePositives + this.falseNegatives == 0) ? 1.0
					: (double) this.truePositives / (this.truePositives + this.falseNegatives);
		}

		@Override
		public String toString() {
			return String.format("precision %.3f (%d/%d), recall %.3f (%d/%d); false positives %s; missed %s",
					precision(), this.truePositives, this.truePositives + this.falsePositives, recall(),
					this.truePositives, this.truePositives + this.falseNegatives, this.extra, this.missed);
		}

	}

	static Score score(Set<String> expected, Set<String> found) {
		Set<String> extra = new LinkedHashSet<>(found);
		extra.removeAll(expected);
		Set<String> missed = new LinkedHashSet<>(expected);
		missed.removeAll(found);
		int tp = found.size() - extra.size();
		return new Score(tp, extra.size(), missed.size(), extra, missed);
	}

}
