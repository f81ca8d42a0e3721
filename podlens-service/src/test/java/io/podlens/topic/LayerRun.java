package io.podlens.topic;

import java.util.ArrayList;
import java.util.List;

import io.podlens.episode.StoredSegment;

/**
 * Runs the matching layers over a few segments, as the extractor does, and returns what
 * one layer added: later layers see the coverage, cue counts and support of the earlier
 * ones, so a layer is tested in its real position.
 */
final class LayerRun {

	enum Layer {

		EXACT, HAN_SOUNDS, TRANSLITERATED, LATIN_FUZZY

	}

	/** What a layer found, with the text of the form. */
	record Found(String topic, int segment, String surface, MatchKind kind, double confidence) {
	}

	private static final AliasIndex INDEX = new AliasIndex(Taxonomy.defaultTaxonomy(), MatchPolicy.DEFAULTS);

	private static final ExactNames EXACT = new ExactNames(INDEX, MatchPolicy.DEFAULTS);

	private static final HanSounds HAN_SOUNDS = new HanSounds(INDEX, MatchPolicy.DEFAULTS);

	private static final TransliteratedNames TRANSLITERATED = new TransliteratedNames(Taxonomy.defaultTaxonomy(),
			MatchPolicy.DEFAULTS);

	private static final LatinFuzzy LATIN_FUZZY = new LatinFuzzy(INDEX, MatchPolicy.DEFAULTS);

	private LayerRun() {
	}

	/**
	 * What {@code layer} finds in the segments, after the layers before it.
	 * @param texts the segments' texts; nulls are left out
	 */
	static List<Found> found(Layer layer, String... texts) {
		List<String> present = new ArrayList<>();
		for (String text : texts) {
			if (text != null) {
				present.add(text);
			}
		}
		List<StoredSegment> segments = TopicExtractorTests.segments(present.toArray(String[]::new));
		EpisodeState episode = new EpisodeState(segments, INDEX, MatchPolicy.DEFAULTS.context());
		List<Candidate> before = new ArrayList<>();
		List<Candidate> added = new ArrayList<>();
		EXACT.find(episode, (layer == Layer.EXACT) ? added : before);
		if (layer != Layer.EXACT) {
			HAN_SOUNDS.find(episode, (layer == Layer.HAN_SOUNDS) ? added : before);
		}
		if (layer == Layer.TRANSLITERATED || layer == Layer.LATIN_FUZZY) {
			TRANSLITERATED.find(episode, (layer == Layer.TRANSLITERATED) ? added : before);
		}
		if (layer == Layer.LATIN_FUZZY) {
			LATIN_FUZZY.find(episode, added);
		}
		return added.stream()
			.map((c) -> new Found(c.topic().id(), c.segment(), present.get(c.segment()).substring(c.start(), c.end()),
					c.kind(), c.confidence()))
			.toList();
	}

	/** The last segment's form {@code surface} as {@code layer} found it, or null. */
	static Found inLast(Layer layer, String surface, String... texts) {
		List<Found> found = found(layer, texts);
		int last = (int) java.util.Arrays.stream(texts).filter(java.util.Objects::nonNull).count() - 1;
		return found.stream()
			.filter((f) -> f.segment() == last && f.surface().equals(surface))
			.findFirst()
			.orElse(null);
	}

}
