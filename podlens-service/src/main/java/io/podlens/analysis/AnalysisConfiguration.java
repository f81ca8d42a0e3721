package io.podlens.analysis;

import io.podlens.episode.SegmentSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the analysis feature; themes are loaded once at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisConfiguration {

	@Bean
	EpisodeAnalyzer episodeAnalyzer(SegmentSource segments, AnalysisProperties properties,
			ObjectProvider<TimelineMarks> marks) {
		return new EpisodeAnalyzer(segments, ThemeCatalog.load(properties), properties, marks);
	}

}
