package io.podlens.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.podlens.analysis.TimelineMarks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topic marks for the timeline picture: every mention of the episode's most mentioned
 * topics, named things (models, organizations, people, products) before ideas.
 */
@Component
class TopicTimelineMarks implements TimelineMarks {

	static final int MAX_TOPICS = 8;

	private final TopicCatalog catalog;

	private final MentionRepository mentions;

	TopicTimelineMarks(TopicCatalog catalog, MentionRepository mentions) {
		this.catalog = catalog;
		this.mentions = mentions;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Mark> marksFor(long episodeId) {
		TopicCatalog.Snapshot snapshot = this.catalog.current();
		Map<Topic, List<Long>> times = new LinkedHashMap<>();
		for (MentionRow row : this.mentions.findByEpisode(episodeId)) {
			Optional<Topic> topic = snapshot.topic(row.getTopicId());
			topic.ifPresent((t) -> times.computeIfAbsent(t, (k) -> new ArrayList<>()).add(row.getStartMs()));
		}
		List<Mark> marks = new ArrayList<>();
		times.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<Topic, List<Long>> e) -> !e.getKey().category().isNamedEntity())
				.thenComparing(
						Comparator.comparingInt((Map.Entry<Topic, List<Long>> e) -> e.getValue().size()).reversed())
				.thenComparing((e) -> e.getKey().name()))
			.limit(MAX_TOPICS)
			.forEach((e) -> e.getValue().forEach((time) -> marks.add(new Mark(e.getKey().name(), time))));
		return marks;
	}

}
