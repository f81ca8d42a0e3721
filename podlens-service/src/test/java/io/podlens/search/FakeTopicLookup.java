package io.podlens.search;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.podlens.topic.Mention;
import io.podlens.topic.Taxonomy;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicLookup;

/** Topic mentions held in memory, as the topic feature would have stored them. */
final class FakeTopicLookup implements TopicLookup {

	private final Taxonomy taxonomy;

	private final List<Mention> mentions;

	FakeTopicLookup(Taxonomy taxonomy, List<Mention> mentions) {
		this.taxonomy = taxonomy;
		this.mentions = List.copyOf(mentions);
	}

	@Override
	public Optional<Topic> topic(String id) {
		return this.taxonomy.topic(id);
	}

	@Override
	public List<Topic> named(String words) {
		String wanted = words.strip().toLowerCase(Locale.ROOT);
		return this.taxonomy.topics()
			.stream()
			.filter((topic) -> topic.name().toLowerCase(Locale.ROOT).equals(wanted)
					|| topic.aliases().stream().anyMatch((alias) -> alias.toLowerCase(Locale.ROOT).equals(wanted)))
			.toList();
	}

	@Override
	public List<Mention> mentionsOfTopic(String topicId) {
		return this.mentions.stream().filter((mention) -> mention.topicId().equals(topicId)).toList();
	}

	@Override
	public List<Mention> mentionsInEpisode(long episodeId) {
		return this.mentions;
	}

}
