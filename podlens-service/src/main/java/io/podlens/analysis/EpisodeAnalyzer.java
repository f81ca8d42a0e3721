package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;

import io.podlens.common.NotFoundException;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

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

	EpisodeAnalyzer(SegmentSource segments, ThemeCatalog catalog, AnalysisProperties properties,
			ObjectProvider<TimelineMarks> marks) {
		this.segments = segments;
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

	/** Podcasting 2.0 chapters in the episode's language. */
	public ChaptersDocument chapters(long episodeId) {
		List<StoredSegment> episode = load(episodeId);
		List<SponsorRead> reads = this.sponsors.detect(episode);
		return this.chapters.build(episode, this.classifier.classify(episode, reads), reads);
	}

	/** The timeline picture as an SVG document. */
	public String timelineSvg(long episodeId) {
		List<StoredSegment> episode = load(episodeId);
		List<SponsorRead> reads = this.sponsors.detect(episode);
		List<TimelineMarks.Mark> topicMarks = new ArrayList<>();
		this.marks.orderedStream().forEach((source) -> topicMarks.addAll(source.marksFor(episodeId)));
		EpisodeThemes themes = this.classifier.classify(episode, reads);
		List<Chapter> chapterList = this.chapters.build(episode, themes, reads).chapters();
		return this.timeline.render(episode, themes, reads, topicMarks, chapterList);
	}

	private List<StoredSegment> load(long episodeId) {
		List<StoredSegment> episode = this.segments.segmentsOf(episodeId);
		if (episode.isEmpty()) {
			throw new NotFoundException("Episode", episodeId);
		}
		return episode;
	}

}
