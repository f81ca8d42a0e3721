package io.podlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicLookup;

import org.springframework.stereotype.Component;

/**
 * Topic marks for the timeline picture, read through the topic feature's
 * {@link TopicLookup}: every mention of the episode's most mentioned topics, named things
 * (models, organizations, people, products) before ideas.
 */
@Component
class TopicTimelineMarks implements TimelineMarks {

	static final int MAX_TOPICS = 8;

	private final TopicLookup topics;

	private final SegmentSource segments;

	TopicTimelineMarks(TopicLookup topics, SegmentSource segments) {
		this.topics = topics;
		this.segments = segments;
	}

	@Override
	public List<Mark> marksFor(long episodeId) {
		List<Mention> mentions = this.topics.mentionsInEpisode(episodeId);
		if (mentions.isEmpty()) {
			return List.of();
		}
		Map<Long, Long> startById = new HashMap<>();
		for (StoredSegment segment : this.segments.segmentsOf(episodeId)) {
			startById.put(segment.segmentId(), segment.startMs());
		}
		Map<Topic, List<Long>> times = new LinkedHashMap<>();
		for (Mention mention : mentions) {
			Optional<Topic> topic = this.topics.topic(mention.topicId());
			Long start = startById.get(mention.segmentId());
			if (topic.isPresent() && start != null) {
				times.computeIfAbsent(topic.get(), (k) -> new ArrayList<>()).add(start);
			}
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
