package io.podlens.topic;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The order of an episode's topics: count first, then how sure the mentions are. */
class EpisodeTopicOrderTests {

	private static EpisodeTopic topic(String id, TopicCategory category, double... confidences) {
		List<EpisodeTopic.EpisodeMention> mentions = new ArrayList<>();
		for (int i = 0; i < confidences.length; i++) {
			mentions.add(new EpisodeTopic.EpisodeMention(i, 0, 1000, 0, 3, id, MatchKind.PHONETIC, confidences[i]));
		}
		return new EpisodeTopic(new EpisodeTopic.TopicRef(id, id, category, TopicKind.defaultFor(category), null),
				mentions.size(), mentions);
	}

	private static List<String> ordered(EpisodeTopic... topics) {
		List<EpisodeTopic> list = new ArrayList<>(List.of(topics));
		list.sort(TopicService.EPISODE_ORDER);
		return list.stream().map((t) -> t.topic().id()).toList();
	}

	@Test
	void moreMentionsComeFirstWhateverTheirConfidence() {
		assertThat(ordered(topic("a-sure", TopicCategory.MODEL, 1.0), topic("b-many", TopicCategory.MODEL, 0.6, 0.6)))
			.containsExactly("b-many", "a-sure");
	}

	@Test
	void onEqualCountsTheSurerTopicComesFirst() {
		assertThat(ordered(topic("a-sounds-alike", TopicCategory.PERSON, 0.7, 0.75),
				topic("b-as-written", TopicCategory.PERSON, 1.0, 0.95),
				topic("c-between", TopicCategory.ORGANIZATION, 0.9, 0.8)))
			.containsExactly("b-as-written", "c-between", "a-sounds-alike");
	}

	@Test
	void onEqualCountsAndConfidenceNamedThingsComeBeforeIdeasThenByName() {
		assertThat(ordered(topic("b-idea", TopicCategory.CONCEPT, 1.0), topic("c-model", TopicCategory.MODEL, 1.0),
				topic("a-model", TopicCategory.MODEL, 1.0)))
			.containsExactly("a-model", "c-model", "b-idea");
	}

}
