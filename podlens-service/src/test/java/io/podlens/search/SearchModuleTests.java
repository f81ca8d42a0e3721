package io.podlens.search;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodesStored;
import io.podlens.episode.SegmentSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

import static io.podlens.search.Segments.segment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search components wired by Spring (without Boot auto-configuration, to stay fast):
 * the startup rebuild and the episode events keep the index in step with the database.
 */
class SearchModuleTests {

	@TempDir
	Path dataDir;

	private final FakeSegmentSource source = new FakeSegmentSource();

	@Test
	void startupRebuildsAStaleIndexAndEventsKeepItCurrent() {
		this.source.segments.add(segment(1, 5, "P", 0, "變色龍 from the database"));
		try (AnnotationConfigApplicationContext context = context()) {
			SegmentSearch search = context.getBean(SegmentSearch.class);
			assertThat(search.stats().documents()).isZero();

			context.publishEvent(
					new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
			assertThat(search.search(SearchQuery.of("变色龙")).total()).isEqualTo(1);

			// The event names the episode; the listener reads its segments from the
			// source.
			this.source.segments.add(segment(2, 6, "P", 0, "another 變色龍"));
			context.publishEvent(EpisodesStored.of(6));
			assertThat(search.search(SearchQuery.of("变色龙")).total()).isEqualTo(2);

			this.source.segments.removeIf((segment) -> segment.episodeId() == 5);
			context.publishEvent(new EpisodeDeleted(5));
			assertThat(search.search(SearchQuery.of("变色龙")).hits()).extracting(SearchHit::episodeId)
				.containsExactly(6L);
		}
	}

	private AnnotationConfigApplicationContext context() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(PodlensProperties.class, () -> new PodlensProperties(this.dataDir, 200_000, 2_000));
		context.registerBean(SearchProperties.class, () -> SearchSettings.defaults());
		context.registerBean(SegmentSource.class, () -> this.source);
		// what @EnableTransactionManagement would register for
		// @TransactionalEventListener
		context.registerBean(TransactionalEventListenerFactory.class);
		context.register(LuceneIndex.class, QueryTranslator.class, TopicMatches.class, LuceneSegmentSearch.class,
				IndexEvents.class, IndexBootstrap.class);
		context.refresh();
		return context;
	}

}
