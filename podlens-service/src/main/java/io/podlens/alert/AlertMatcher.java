package io.podlens.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.podlens.common.InvalidInputException;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.search.EpisodeQueries;
import io.podlens.search.SearchHit;
import io.podlens.search.SearchQuery;
import io.podlens.search.SearchResult;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicLookup;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches episodes against alerts and stores one delivery per episode and alert that
 * matched. Per episode: the stored mentions are read once and looked up in the
 * {@link AlertIndex} (topic alerts cost nothing more as they grow); for the alerts with a
 * query the episode's segments are indexed once in memory ({@link EpisodeQueries}) and
 * each query runs there, not over the whole index. An alert fires at most once per
 * episode: a re-analysis only adds the alerts that did not match before.
 */
@Component
class AlertMatcher {

	private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);

	/** Deepest parent chain followed; the taxonomy refuses loops, this is a backstop. */
	private static final int MAX_ANCESTORS = 16;

	private final AlertStore alerts;

	private final DeliveryStore deliveries;

	private final EpisodeCatalog episodes;

	private final SegmentSource segments;

	private final TopicLookup topics;

	private final EpisodeQueries queries;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final int maxSegments;

	private final Clock clock;

	@Autowired
	AlertMatcher(AlertStore alerts, DeliveryStore deliveries, EpisodeCatalog episodes, SegmentSource segments,
			TopicLookup topics, EpisodeQueries queries, JsonMapper json, PlatformTransactionManager transactionManager,
			AlertProperties properties) {
		this(alerts, deliveries, episodes, segments, topics, queries, json, transactionManager, properties,
				Clock.systemUTC());
	}

	AlertMatcher(AlertStore alerts, DeliveryStore deliveries, EpisodeCatalog episodes, SegmentSource segments,
			TopicLookup topics, EpisodeQueries queries, JsonMapper json, PlatformTransactionManager transactionManager,
			AlertProperties properties, Clock clock) {
		this.alerts = alerts;
		this.deliveries = deliveries;
		this.episodes = episodes;
		this.segments = segments;
		this.topics = topics;
		this.queries = queries;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
		this.maxSegments = properties.maxSegments();
		this.clock = clock;
	}

	/**
	 * Matches the episodes against every active alert.
	 * @return the number of deliveries stored
	 */
	int matchEpisodes(List<Long> episodeIds) {
		List<Alert> active = this.alerts.active();
		if (active.isEmpty()) {
			return 0;
		}
		return matchWith(episodeIds, new AlertIndex(active));
	}

	/**
	 * Matches the episodes against one alert (its backfill), if it is still active.
	 * @return the number of deliveries stored
	 */
	int matchEpisodes(List<Long> episodeIds, long alertId) {
		Optional<Alert> alert = this.alerts.find(alertId).filter((a) -> !a.paused());
		return alert.map((a) -> matchWith(episodeIds, new AlertIndex(List.of(a)))).orElse(0);
	}

	int matchWith(List<Long> episodeIds, AlertIndex index) {
		Map<Long, EpisodeSummary> summaries = new HashMap<>();
		this.episodes.summaries(episodeIds).forEach((s) -> summaries.put(s.id(), s));
		List<DeliveryStore.NewDelivery> found = new ArrayList<>();
		Instant now = this.clock.instant();
		for (long episodeId : episodeIds) {
			EpisodeSummary summary = summaries.get(episodeId);
			if (summary != null) {
				found.addAll(matchEpisode(summary, index, now));
			}
		}
		if (!found.isEmpty()) {
			this.transactions.executeWithoutResult((status) -> this.deliveries.insert(found, now));
		}
		return found.size();
	}

	/** The deliveries one episode makes, not yet stored. */
	List<DeliveryStore.NewDelivery> matchEpisode(EpisodeSummary episode, AlertIndex index, Instant now) {
		Set<Long> done = this.deliveries.alertsWithDelivery(episode.id());
		// Per alert id, the matches by segment index.
		Map<Long, Matches> byAlert = new LinkedHashMap<>();
		Map<Long, Alert> alertsById = new HashMap<>();
		if (index.hasTopics()) {
			matchTopics(episode, index, done, byAlert, alertsById);
		}
		List<Alert> withQuery = index.withQuery()
			.stream()
			.filter((a) -> !done.contains(a.id()) && a.covers(episode.createdAt()))
			.toList();
		if (byAlert.isEmpty() && withQuery.isEmpty()) {
			return List.of();
		}
		// Segments of the episode for the queries, for the matches found by mention
		// (times, text) and for the podcast and language every event names.
		List<StoredSegment> stored = this.segments.segmentsOf(episode.id());
		if (stored.isEmpty()) {
			return List.of();
		}
		StoredSegment first = stored.get(0);
		withQuery = withQuery.stream().filter((a) -> a.accepts(first.podcast(), first.language())).toList();
		if (!withQuery.isEmpty()) {
			// The episode's own segments, not the search index: the answer does not wait
			// for (or depend on) the index write, nor on the backend.
			boolean soundsLike = withQuery.stream().anyMatch(Alert::soundsLike);
			try (EpisodeQueries.EpisodeIndex episodeIndex = this.queries.index(stored, soundsLike)) {
				for (Alert alert : withQuery) {
					matchQuery(episodeIndex, alert, byAlert, alertsById);
				}
			}
		}
		if (byAlert.isEmpty()) {
			return List.of();
		}
		Map<Integer, StoredSegment> byIndex = new HashMap<>();
		stored.forEach((s) -> byIndex.put(s.index(), s));
		List<DeliveryStore.NewDelivery> result = new ArrayList<>();
		byAlert.forEach((alertId, matches) -> {
			Alert alert = alertsById.get(alertId);
			if (!alert.accepts(first.podcast(), first.language())) {
				return;
			}
			String deliveryId = DeliveryStore.newDeliveryId();
			AlertNotification notification = matches.notification(deliveryId, now, alert, episode, first, byIndex,
					this.maxSegments);
			if (notification.segments().isEmpty()) {
				return;
			}
			result.add(new DeliveryStore.NewDelivery(alertId, episode.id(), deliveryId,
					this.json.writeValueAsString(notification), notification.matchCount()));
		});
		return result;
	}

	private void matchTopics(EpisodeSummary episode, AlertIndex index, Set<Long> done, Map<Long, Matches> byAlert,
			Map<Long, Alert> alertsById) {
		Map<String, List<String>> chains = new HashMap<>();
		for (Mention mention : this.topics.mentionsInEpisode(episode.id())) {
			List<String> chain = chains.computeIfAbsent(mention.topicId(), this::selfAndAncestors);
			for (String topicId : chain) {
				for (Alert alert : index.onTopic(topicId)) {
					if (done.contains(alert.id()) || !alert.covers(episode.createdAt())) {
						continue;
					}
					alertsById.putIfAbsent(alert.id(), alert);
					byAlert.computeIfAbsent(alert.id(), (k) -> new Matches()).addMention(mention, topicId);
				}
			}
		}
	}

	private List<String> selfAndAncestors(String topicId) {
		List<String> chain = new ArrayList<>();
		chain.add(topicId);
		String current = topicId;
		for (int i = 0; i < MAX_ANCESTORS; i++) {
			String parent = this.topics.topic(current).map(Topic::parent).orElse(null);
			if (parent == null || chain.contains(parent)) {
				break;
			}
			chain.add(parent);
			current = parent;
		}
		return chain;
	}

	private void matchQuery(EpisodeQueries.EpisodeIndex episode, Alert alert, Map<Long, Matches> byAlert,
			Map<Long, Alert> alertsById) {
		SearchResult result;
		try {
			// The first matches in transcript order: the ones an event lists.
			result = episode.search(SearchQuery.of(alert.query())
				.withPodcast(alert.podcast())
				.withLanguage(alert.language())
				.withSoundsLike(alert.soundsLike())
				.withPage(0, this.maxSegments));
		}
		catch (InvalidInputException ex) {
			// Valid when stored; refused now only if the search settings changed since.
			log.warn("Alert {}: its query is refused by the search now ({}); skipped", alert.id(), ex.getMessage());
			return;
		}
		if (result.hits().isEmpty()) {
			return;
		}
		alertsById.putIfAbsent(alert.id(), alert);
		Matches matches = byAlert.computeIfAbsent(alert.id(), (k) -> new Matches());
		result.hits().forEach(matches::addHit);
		matches.queryTotal = result.total();
	}

	/** What matched for one alert in one episode. */
	static final class Matches {

		private final TreeMap<Integer, List<AlertNotification.Match>> reasons = new TreeMap<>();

		private final Map<Integer, List<int[]>> marks = new HashMap<>();

		private final Map<Integer, SearchHit> hits = new HashMap<>();

		long queryTotal;

		void addMention(Mention mention, String alertTopic) {
			List<AlertNotification.Match> list = this.reasons.computeIfAbsent(mention.segmentIndex(),
					(k) -> new ArrayList<>());
			AlertNotification.Match match = new AlertNotification.Match("topic", alertTopic, mention.topicId(),
					mention.matchedBy().json(), List.of(mention.surface()));
			if (!list.contains(match)) {
				list.add(match);
			}
			this.marks.computeIfAbsent(mention.segmentIndex(), (k) -> new ArrayList<>())
				.add(new int[] { mention.start(), mention.end() });
		}

		void addHit(SearchHit hit) {
			this.reasons.computeIfAbsent(hit.segmentIndex(), (k) -> new ArrayList<>())
				.add(new AlertNotification.Match("query", null, null, hit.matchedBy(), hit.matchedTerms()));
			this.hits.put(hit.segmentIndex(), hit);
		}

		AlertNotification notification(String deliveryId, Instant now, Alert alert, EpisodeSummary episode,
				StoredSegment first, Map<Integer, StoredSegment> byIndex, int maxSegments) {
			List<AlertNotification.Segment> listed = new ArrayList<>();
			int count = 0;
			for (Map.Entry<Integer, List<AlertNotification.Match>> entry : this.reasons.entrySet()) {
				int segmentIndex = entry.getKey();
				StoredSegment segment = byIndex.get(segmentIndex);
				SearchHit hit = this.hits.get(segmentIndex);
				if (segment == null && hit == null) {
					continue;
				}
				count++;
				if (listed.size() >= maxSegments) {
					continue;
				}
				String snippet = (hit != null) ? hit.snippet()
						: TopicSnippet.of(segment.text(), this.marks.getOrDefault(segmentIndex, List.of()));
				long start = (segment != null) ? segment.startMs() : hit.startMs();
				long end = (segment != null) ? segment.endMs() : hit.endMs();
				String speaker = (segment != null) ? segment.speaker() : hit.speaker();
				listed.add(new AlertNotification.Segment(segmentIndex, start, end, speaker, snippet, entry.getValue()));
			}
			// Query hits beyond the page asked for are counted, not listed.
			long unseen = Math.max(0, this.queryTotal - this.hits.size());
			return new AlertNotification(AlertNotification.TYPE, deliveryId, now,
					new AlertNotification.AlertRef(alert.id(), alert.name()),
					new AlertNotification.EpisodeRef(episode.id(), episode.title(), first.podcast(), first.language(),
							episode.publishedAt(), "/api/episodes/" + episode.id()),
					(int) Math.min(Integer.MAX_VALUE, count + unseen), listed);
		}

	}

}
