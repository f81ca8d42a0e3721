package io.podlens.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.podlens.text.EditDistance;
import io.podlens.text.Token;

/**
 * Runs after the other name layers: in Chinese speech a product or model is often named
 * right after its maker (谷歌Bard, 微软Bing), and there one letter misheard ("谷歌Bart") still
 * names the product: the maker says which. Only a one-word Latin name of four letters or
 * more, heard with one letter replaced (the first kept), directly after a mention of the
 * topic's parent found by an earlier layer, in Chinese text; a common English word is
 * never read this way. Mentions are {@code fuzzy}.
 */
final class MakerProducts {

	static final double CONFIDENCE = 0.7;

	private static final int MIN_LENGTH = 4;

	/** Products and models by their parent's id: one-word Latin names, lower case. */
	private final Map<String, List<Named>> byParent = new HashMap<>();

	private record Named(Topic topic, String name) {
	}

	MakerProducts(Taxonomy taxonomy) {
		for (Topic topic : taxonomy.topics()) {
			if (topic.parent() == null || !topic.category().isNamedEntity()
					|| topic.category() == TopicCategory.PERSON) {
				continue;
			}
			for (String name : topic.names()) {
				String key = name.toLowerCase(Locale.ROOT);
				if (key.length() >= MIN_LENGTH && key.chars().allMatch((c) -> c < 0x80 && Character.isLetter(c))) {
					this.byParent.computeIfAbsent(topic.parent(), (k) -> new ArrayList<>()).add(new Named(topic, key));
				}
			}
		}
	}

	void find(EpisodeState episode, List<Candidate> accepted) {
		List<Candidate> found = new ArrayList<>();
		for (Candidate maker : accepted) {
			List<Named> products = this.byParent.get(maker.topic().id());
			if (products == null) {
				continue;
			}
			EpisodeState.Segment seg = episode.segment(maker.segment());
			int i = maker.tokenTo();
			if (!seg.hanContext() || i >= seg.tokens().size() || seg.covered(i)) {
				continue;
			}
			Token t = seg.token(i);
			String heard = t.key().toLowerCase(Locale.ROOT);
			if (t.han() || !t.gapBefore() || heard.length() < MIN_LENGTH || CommonWords.isCommon(heard)
					|| (i + 1 < seg.tokens().size() && !seg.token(i + 1).han() && seg.token(i + 1).gapBefore())) {
				continue;
			}
			for (Named p : products) {
				if (p.name().length() == heard.length() && p.name().charAt(0) == heard.charAt(0)
						&& EditDistance.LEVENSHTEIN.distance(p.name(), heard) <= 1.0) {
					found.add(new Candidate(p.topic(), maker.segment(), i, i + 1, t.start(), t.end(), MatchKind.FUZZY,
							CONFIDENCE));
					seg.cover(i, i + 1);
					break;
				}
			}
		}
		for (Candidate c : found) {
			accepted.add(c);
			episode.confirmNearby(c);
		}
	}

}
