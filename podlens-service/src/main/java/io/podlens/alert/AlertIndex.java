package io.podlens.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The active alerts arranged for matching: by topic id, so that an episode's mentions
 * find their alerts by lookup whatever the number of alerts, and the alerts with a query,
 * each of which costs one search restricted to the episode.
 */
final class AlertIndex {

	private final Map<String, List<Alert>> byTopic = new HashMap<>();

	private final List<Alert> withQuery = new ArrayList<>();

	private final int size;

	AlertIndex(List<Alert> alerts) {
		for (Alert alert : alerts) {
			for (String topic : alert.topics()) {
				this.byTopic.computeIfAbsent(topic, (k) -> new ArrayList<>()).add(alert);
			}
			if (alert.query() != null) {
				this.withQuery.add(alert);
			}
		}
		this.size = alerts.size();
	}

	List<Alert> onTopic(String topicId) {
		return this.byTopic.getOrDefault(topicId, List.of());
	}

	List<Alert> withQuery() {
		return this.withQuery;
	}

	boolean hasTopics() {
		return !this.byTopic.isEmpty();
	}

	boolean isEmpty() {
		return this.size == 0;
	}

}
