package io.podlens.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodeSummary;
import io.podlens.episode.EpisodesStored;
import io.podlens.topic.Mention;
import io.podlens.topic.MentionsStored;
import io.podlens.topic.TopicLookup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes the feed in the transaction of the data it describes, just before that commits:
 * an import, a deletion and the mentions an analysis stored appear in the feed exactly
 * when the data does, and never without it. Not a listener the event publication registry
 * records (those run after the commit); a failure here rolls the data back.
 */
@Component
class FeedWriter {

	static final String EPISODE_IMPORTED = "episode.imported";

	static final String EPISODE_DELETED = "episode.deleted";

	static final String MENTIONS_FOUND = "mentions.found";

	private final FeedStore store;

	private final EpisodeCatalog episodes;

	private final TopicLookup topics;

	private final JsonMapper json;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	@Autowired
	FeedWriter(FeedStore store, EpisodeCatalog episodes, TopicLookup topics, JsonMapper json) {
		this(store, episodes, topics, json, Clock.systemUTC());
	}

	FeedWriter(FeedStore store, EpisodeCatalog episodes, TopicLookup topics, JsonMapper json, Clock clock) {
		this.store = store;
		this.episodes = episodes;
		this.topics = topics;
		this.json = json;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(EpisodesStored event) {
		Map<Long, EpisodeSummary> byId = new LinkedHashMap<>();
		this.episodes.summaries(event.episodeIds()).forEach((summary) -> byId.put(summary.id(), summary));
		List<FeedStore.Entry> entries = new ArrayList<>();
		for (long id : event.episodeIds()) {
			EpisodeSummary summary = byId.get(id);
			if (summary != null) {
				ObjectNode data = this.json.createObjectNode();
				data.put("title", summary.title());
				data.put("publishedAt", (summary.publishedAt() != null) ? summary.publishedAt().toString() : null);
				entries.add(new FeedStore.Entry(EPISODE_IMPORTED, id, data.toString()));
			}
		}
		append(entries);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(EpisodeDeleted event) {
		append(List.of(new FeedStore.Entry(EPISODE_DELETED, event.episodeId(), "{}")));
	}

	/** An analysis that found nothing in an episode is not an event. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(MentionsStored event) {
		Map<Long, Map<String, Integer>> counts = new LinkedHashMap<>();
		event.episodeIds().forEach((id) -> counts.put(id, new TreeMap<>()));
		// The episode id of a mention is not in the record; read each episode's own.
		for (long id : event.episodeIds()) {
			for (Mention mention : this.topics.mentionsInEpisode(id)) {
				counts.get(id).merge(mention.topicId(), 1, Integer::sum);
			}
		}
		List<FeedStore.Entry> entries = new ArrayList<>();
		counts.forEach((id, byTopic) -> {
			if (!byTopic.isEmpty()) {
				ObjectNode data = this.json.createObjectNode();
				data.put("mentions", byTopic.values().stream().mapToInt(Integer::intValue).sum());
				ArrayNode list = data.putArray("topics");
				byTopic.forEach((topic, n) -> list.addObject().put("topicId", topic).put("mentions", n));
				entries.add(new FeedStore.Entry(MENTIONS_FOUND, id, data.toString()));
			}
		});
		append(entries);
	}

	private void append(List<FeedStore.Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		// Whatever the transaction still has to write goes first: the head lock is taken
		// last, so it is held only for the commit and never waited on while holding it.
		this.entityManager.flush();
		this.store.append(entries, this.clock.instant());
	}

}
