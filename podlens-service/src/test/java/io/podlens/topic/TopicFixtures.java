package io.podlens.topic;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;

/**
 * The topic feature's own taxonomy, extraction and name folding for tests of other
 * features, which cannot reach its internals.
 */
public final class TopicFixtures {

	private TopicFixtures() {
	}

	/** The topics of the default taxonomy. */
	public static List<Topic> defaultTopics() {
		return Taxonomy.defaultTaxonomy().topics();
	}

	/** Mentions as extraction with the default taxonomy finds them. */
	public static List<Mention> extractWithDefaultTaxonomy(List<StoredSegment> segments) {
		return TopicExtractor.withDefaultTaxonomy().extract(segments);
	}

	/**
	 * {@link TopicLookup#named} over these topics, folding exactly as the stored lookup
	 * does.
	 */
	public static Function<String, List<Topic>> namer(List<Topic> topics) {
		Map<String, List<Topic>> byKey = TopicCatalog.Snapshot.of(0, new Taxonomy(topics)).byKey();
		return (words) -> {
			String key = (words != null) ? Folding.key(words) : "";
			return key.isEmpty() ? List.of() : byKey.getOrDefault(key, List.of());
		};
	}

}
