package io.podlens.analysis;

import io.podlens.episode.SegmentSource;
import io.podlens.topic.TopicLookup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the analysis feature; themes are loaded once at start-up.
 * {@link AnalysisProperties} is registered by the application's
 * {@code @ConfigurationPropertiesScan}, like every other settings record.
 */
@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

	@Bean
	EpisodeAnalyzer episodeAnalyzer(SegmentSource segments, AnalysisProperties properties,
			ObjectProvider<TimelineMarks> marks, ObjectProvider<TopicLookup> topics) {
		return new EpisodeAnalyzer(segments, ThemeCatalog.load(properties), properties, marks, topics);
	}

}
