package io.podlens.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.podlens.text.Folding;

/** {@link TopicLookup} over the cached taxonomy and the stored mentions. */
@Component
class StoredTopicLookup implements TopicLookup {

	/** Ids per query: a bounded IN list on every database. */
	static final int IDS_PER_QUERY = 500;

	private final TopicCatalog catalog;

	private final MentionRepository mentions;

	private final TopicStates states;

	StoredTopicLookup(TopicCatalog catalog, MentionRepository mentions, TopicStates states) {
		this.states = states;
		this.catalog = catalog;
		this.mentions = mentions;
	}

	@Override
	public Optional<Topic> topic(String id) {
		return (id != null) ? this.catalog.current().topic(id) : Optional.empty();
	}

	@Override
	public List<Topic> named(String words) {
		if (words == null) {
			return List.of();
		}
		String key = Folding.key(words);
		return key.isEmpty() ? List.of() : this.catalog.current().byKey().getOrDefault(key, List.of());
	}

	@Override
	public TopicState stateOf(long episodeId) {
		return this.states.of(episodeId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Mention> mentionsInEpisode(long episodeId) {
		return this.mentions.findByEpisode(episodeId).stream().map(MentionRow::toMention).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Mention> mentionsInEpisodes(Collection<Long> episodeIds) {
		List<Long> ids = List.copyOf(episodeIds);
		List<Mention> found = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			this.mentions.findByEpisodes(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
				.forEach((row) -> found.add(row.toMention()));
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Mention> mentionsInSegments(Collection<Long> segmentIds) {
		List<Long> ids = List.copyOf(segmentIds);
		List<Mention> found = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			this.mentions.findBySegments(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
				.forEach((row) -> found.add(row.toMention()));
		}
		return found;
	}

}
