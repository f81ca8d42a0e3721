package io.podlens.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.podlens.episode.StoredSegment;

/**
 * Finds where topics are mentioned in the segments of one episode, tolerating
 * speech-recognition errors. Layers, in order: {@link ExactNames exact names and aliases}
 * (folded for case, width and script), {@link HanSounds pinyin homophones} of Chinese
 * names and Hanzi spellings of Latin names, {@link TransliteratedNames Latin names
 * written by their sound} in Chinese characters, then {@link LatinFuzzy sound-aware fuzzy
 * matching} of Latin names, then a person's first name or surname alone once named in
 * full ({@link NameParts in Latin text}, {@link ChineseNameParts in Chinese text}), then
 * {@link MakerProducts a product one letter off right after its maker}, then
 * {@link ModelVersions the version grammar} over what they found; each takes only tokens
 * the earlier ones left. Ambiguous forms (common words, fuzzy hits) are accepted only
 * when the talk around them (two segments either side) is about AI and technology, or
 * names the topic's context cues. The thresholds are {@link MatchPolicy#DEFAULTS}.
 * Thread-safe; build one per taxonomy and reuse it. The text is only read, never changed.
 */
final class TopicExtractor {

	private final MatchPolicy policy = MatchPolicy.DEFAULTS;

	private final AliasIndex index;

	private final TranslatedNames translated;

	private final CompoundNames compounds;

	private final ExactNames exact;

	private final HanSounds hanSounds;

	private final TransliteratedNames transliterated;

	private final LatinFuzzy latinFuzzy;

	private final NameParts nameParts;

	private final ChineseNameParts chineseNameParts;

	private final MakerProducts makerProducts;

	private final CutNames cutNames;

	private final ModelVersions versions;

	public TopicExtractor(Taxonomy taxonomy) {
		this.index = new AliasIndex(taxonomy, this.policy);
		this.translated = new TranslatedNames(taxonomy, this.policy);
		this.compounds = new CompoundNames(taxonomy, this.policy);
		this.exact = new ExactNames(this.index, this.policy);
		this.hanSounds = new HanSounds(this.index, this.policy);
		this.transliterated = new TransliteratedNames(taxonomy, this.policy);
		this.latinFuzzy = new LatinFuzzy(this.index, this.policy);
		this.nameParts = new NameParts(taxonomy, this.policy);
		this.chineseNameParts = new ChineseNameParts(taxonomy);
		this.makerProducts = new MakerProducts(taxonomy);
		this.cutNames = new CutNames(taxonomy);
		this.versions = new ModelVersions(taxonomy, this.index, this.policy);
	}

	/** An extractor over the shipped default taxonomy. */
	public static TopicExtractor withDefaultTaxonomy() {
		return new TopicExtractor(Taxonomy.defaultTaxonomy());
	}

	/**
	 * Mentions in the segments of one episode, ordered by segment and position.
	 * @param segments the episode's segments in order
	 */
	public List<Mention> extract(List<StoredSegment> segments) {
		EpisodeState episode = new EpisodeState(segments, this.index, this.policy.context());
		List<Candidate> accepted = new ArrayList<>();
		this.translated.find(episode, accepted, true);
		this.compounds.find(episode, accepted);
		this.exact.find(episode, accepted);
		this.compounds.findSupported(episode, accepted);
		this.hanSounds.find(episode, accepted);
		this.transliterated.find(episode, accepted);
		this.translated.find(episode, accepted, false);
		this.latinFuzzy.find(episode, accepted);
		this.nameParts.find(episode, accepted);
		this.chineseNameParts.find(episode, accepted);
		this.makerProducts.find(episode, accepted);
		this.cutNames.find(episode, accepted);
		this.versions.find(episode, accepted);
		accepted.removeIf((c) -> namesALicense(segments.get(c.segment()).text(), c));
		accepted.sort(Comparator.comparingInt(Candidate::segment).thenComparingInt(Candidate::start));
		List<Mention> mentions = new ArrayList<>(accepted.size());
		for (Candidate c : accepted) {
			StoredSegment segment = segments.get(c.segment());
			mentions.add(new Mention(c.topic().id(), segment.index(), segment.segmentId(), c.start(), c.end(),
					segment.text().substring(c.start(), c.end()), c.kind(), round(c.confidence())));
		}
		return mentions;
	}

	/**
	 * An organization's name right before "license" names the license (the MIT license,
	 * 麻省理工学院许可), not the organization.
	 */
	static boolean namesALicense(String text, Candidate c) {
		if (c.topic().category() != TopicCategory.ORGANIZATION) {
			return false;
		}
		String after = text.substring(c.end()).stripLeading().toLowerCase(Locale.ROOT);
		for (String word : LICENSE_WORDS) {
			if (after.startsWith(word)) {
				return true;
			}
		}
		return false;
	}

	private static final List<String> LICENSE_WORDS = List.of("license", "licence", "许可", "許可", "授权协议", "授權協議");

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
