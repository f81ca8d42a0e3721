package io.podlens.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicFixtures;
import io.podlens.topic.TopicLookup;
import io.podlens.topic.TopicState;
import io.podlens.topic.TopicStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Topic mentions held in memory, as the topic feature would have stored them; names are
 * folded exactly as the topic feature folds them.
 */
final class FakeTopicLookup implements TopicLookup {

	private final List<Topic> topics;

	private final Function<String, List<Topic>> namer;

	private final Map<Long, List<Mention>> byEpisode = new LinkedHashMap<>();

	FakeTopicLookup(List<Topic> topics) {
		this.topics = List.copyOf(topics);
		this.namer = TopicFixtures.namer(this.topics);
	}

	@Override
	public TopicState stateOf(long episodeId) {
		return new TopicState(this.byEpisode.containsKey(episodeId) ? TopicStatus.READY : TopicStatus.PENDING, null);
	}

	/** Replaces the episode's mentions, as an analysis does. */
	FakeTopicLookup store(long episodeId, List<Mention> mentions) {
		this.byEpisode.put(episodeId, List.copyOf(mentions));
		return this;
	}

	/** Drops the topic's mentions, as deleting it does. */
	void deleteMentionsOf(String topicId) {
		this.byEpisode.replaceAll((episode,
				mentions) -> mentions.stream().filter((mention) -> !mention.topicId().equals(topicId)).toList());
	}

	/** The lookup as search receives it from the application context. */
	ObjectProvider<TopicLookup> provider() {
		return provider(this);
	}

	/** An application context with this lookup, or without any when {@code null}. */
	static ObjectProvider<TopicLookup> provider(TopicLookup lookup) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		if (lookup != null) {
			beans.registerSingleton("topicLookup", lookup);
		}
		return beans.getBeanProvider(TopicLookup.class);
	}

	/** Search without the topic feature. */
	static TopicMatches none() {
		return new TopicMatches(provider(null));
	}

	@Override
	public Optional<Topic> topic(String id) {
		return this.topics.stream().filter((topic) -> topic.id().equals(id)).findFirst();
	}

	@Override
	public List<Topic> named(String words) {
		return this.namer.apply(words);
	}

	@Override
	public List<Mention> mentionsInEpisode(long episodeId) {
		return this.byEpisode.getOrDefault(episodeId, List.of());
	}

	@Override
	public List<Mention> mentionsInEpisodes(Collection<Long> episodeIds) {
		List<Mention> found = new ArrayList<>();
		episodeIds.forEach((id) -> found.addAll(mentionsInEpisode(id)));
		return found;
	}

	@Override
	public List<Mention> mentionsInSegments(Collection<Long> segmentIds) {
		Set<Long> wanted = Set.copyOf(segmentIds);
		List<Mention> found = new ArrayList<>();
		this.byEpisode.values()
			.forEach((mentions) -> mentions.stream()
				.filter((mention) -> wanted.contains(mention.segmentId()))
				.forEach(found::add));
		return found;
	}

}
