package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;

import io.podlens.common.NotFoundException;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;
import io.podlens.topic.Mention;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import io.podlens.topic.TopicLookup;
import io.podlens.topic.TopicStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Analyses one stored episode on request: themes, sponsor reads, chapters and the
 * timeline picture. Results are computed from the segments each time (cheap: one pass
 * over the text).
 */
public class EpisodeAnalyzer {

	private final SegmentSource segments;

	private final ThemeClassifier classifier;

	private final SponsorDetector sponsors;

	private final ChapterBuilder chapters;

	private final TimelineSvg timeline;

	private final ObjectProvider<TimelineMarks> marks;

	private final ObjectProvider<TopicLookup> topics;

	EpisodeAnalyzer(SegmentSource segments, ThemeCatalog catalog, AnalysisProperties properties,
			ObjectProvider<TimelineMarks> marks, ObjectProvider<TopicLookup> topics) {
		this.segments = segments;
		this.topics = topics;
		this.classifier = new ThemeClassifier(catalog, properties.switchPenalty());
		this.sponsors = new SponsorDetector();
		this.chapters = new ChapterBuilder(catalog);
		this.timeline = new TimelineSvg(catalog);
		this.marks = marks;
	}

	/** Dominant theme per segment and the spans they form. */
	public EpisodeThemes themes(long episodeId) {
		List<StoredSegment> episode = load(episodeId);
		return this.classifier.classify(episode, this.sponsors.detect(episode));
	}

	/** Sponsor reads in time order. */
	public List<SponsorRead> sponsors(long episodeId) {
		return this.sponsors.detect(load(episodeId));
	}

	/**
	 * Podcasting 2.0 chapters in the episode's language; unthemed chapters are titled by
	 * the stored topic mentions too (see {@link #topicStatus}).
	 */
	public ChaptersDocument chapters(long episodeId) {
		List<StoredSegment> episode = load(episodeId);
		List<SponsorRead> reads = this.sponsors.detect(episode);
		return this.chapters.build(episode, this.classifier.classify(episode, reads), reads,
				chapterTopics(episodeId, episode));
	}

	/**
	 * Whether the topic mentions that chapter titles and timeline marks use are ready;
	 * {@code null} when the service runs without the topic feature.
	 */
	public @Nullable TopicStatus topicStatus(long episodeId) {
		TopicLookup lookup = this.topics.getIfAvailable();
		return (lookup != null) ? lookup.stateOf(episodeId).status() : null;
	}

	/** The timeline picture as an SVG document. */
	public String timelineSvg(long episodeId) {
		List<StoredSegment> episode = load(episodeId);
		List<SponsorRead> reads = this.sponsors.detect(episode);
		List<TimelineMarks.Mark> topicMarks = new ArrayList<>();
		this.marks.orderedStream().forEach((source) -> topicMarks.addAll(source.marksFor(episodeId)));
		EpisodeThemes themes = this.classifier.classify(episode, reads);
		List<Chapter> chapterList = this.chapters.build(episode, themes, reads, chapterTopics(episodeId, episode))
			.chapters();
		return this.timeline.render(episode, themes, reads, topicMarks, chapterList);
	}

	/**
	 * The stored mentions of named things and ideas; themes are chapters of their own.
	 */
	private List<ChapterTopic> chapterTopics(long episodeId, List<StoredSegment> episode) {
		TopicLookup lookup = this.topics.getIfAvailable();
		if (lookup == null) {
			return List.of();
		}
		String language = Languages.displayTag(episode.get(0).language(), episode.get(0).text());
		List<ChapterTopic> result = new ArrayList<>();
		for (Mention mention : lookup.mentionsInEpisode(episodeId)) {
			Topic topic = lookup.topic(mention.topicId()).orElse(null);
			if (topic != null && topic.category() != TopicCategory.THEME) {
				result.add(new ChapterTopic(mention.segmentId(), topic.id(),
						ChapterTitles.topicTitle(language, topic.name(), topic.zhHant(), topic.zhHans()),
						topic.category().isNamedEntity(), mention.confidence(), names(topic)));
			}
		}
		return result;
	}

	static List<String> names(Topic topic) {
		List<String> names = new ArrayList<>();
		topic.names().forEach((name) -> names.add(Folding.fold(name)));
		return names;
	}

	private List<StoredSegment> load(long episodeId) {
		List<StoredSegment> episode = this.segments.segmentsOf(episodeId);
		if (episode.isEmpty()) {
			throw new NotFoundException("Episode", episodeId);
		}
		return episode;
	}

}
