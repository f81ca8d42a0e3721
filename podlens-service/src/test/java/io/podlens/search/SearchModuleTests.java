package io.podlens.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.common.PodlensProperties;
import io.podlens.common.TestPodlensProperties;
import io.podlens.episode.EpisodeDeleted;
import io.podlens.episode.EpisodesStored;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.MatchKind;
import io.podlens.topic.Mention;
import io.podlens.topic.MentionCounts;
import io.podlens.topic.MentionsStored;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicCategory;
import io.podlens.topic.TopicDeleted;
import io.podlens.topic.TopicLookup;

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

	@Test
	void topicEventsKeepTheIndexedTopicIdsAndCountsCurrent() {
		FakeTopicLookup topics = new FakeTopicLookup(
				List.of(new Topic("chameleon", "Chameleon", TopicCategory.MODEL, List.of("變色龍"), List.of())));
		StoredSegment stored = segment(1, 5, "P", 0, "變色龍 from the database");
		this.source.segments.add(stored);
		try (AnnotationConfigApplicationContext context = context(topics)) {
			SegmentSearch search = context.getBean(SegmentSearch.class);
			MentionCounts counts = context.getBean(MentionCounts.class);
			SearchQuery chameleon = new SearchQuery(null, null, null, null, null, 0, 20, false, "chameleon");
			context.publishEvent(EpisodesStored.of(5));
			assertThat(search.search(chameleon).total()).isZero();

			topics.store(5, List.of(new Mention("chameleon", 0, 1, 0, 3, "變色龍", MatchKind.ALIAS, 0.9)));
			context.publishEvent(MentionsStored.of(5));
			assertThat(search.search(chameleon).hits()).extracting(SearchHit::snippet)
				.containsExactly("<mark>變色龍</mark> from the database");
			assertThat(counts.of("chameleon")).isEqualTo(new MentionCounts.Counts(1, 1));
			// Indexing the episode again keeps its topics.
			context.publishEvent(EpisodesStored.of(5));
			assertThat(search.search(chameleon).total()).isEqualTo(1);

			topics.deleteMentionsOf("chameleon");
			context.publishEvent(new TopicDeleted("chameleon"));
			assertThat(search.search(chameleon).total()).isZero();
			assertThat(counts.all()).isEmpty();
		}
	}

	private AnnotationConfigApplicationContext context() {
		return context(null);
	}

	private AnnotationConfigApplicationContext context(TopicLookup topics) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		if (topics != null) {
			context.registerBean(TopicLookup.class, () -> topics);
		}
		context.registerBean(PodlensProperties.class, () -> TestPodlensProperties.withDataDir(this.dataDir));
		context.registerBean(SearchProperties.class, () -> SearchSettings.defaults());
		context.registerBean(SemanticSearchProperties.class, SemanticSearchProperties::defaults);
		context.registerBean(ExpansionProperties.class, ExpansionProperties::defaults);
		context.registerBean(SegmentSource.class, () -> this.source);
		context.registerBean(EpisodeCatalog.class, this.source::catalog);
		// what @EnableTransactionManagement would register for
		// @TransactionalEventListener
		context.registerBean(TransactionalEventListenerFactory.class);
		context.register(LuceneIndex.class, CrossLingualExpansion.class, QueryTranslator.class, TopicMatches.class,
				LuceneSegmentSearch.class, IndexEvents.class, DeletedEpisodes.class, IndexBootstrap.class,
				TopicIndexEvents.class, IndexTopicCounts.class);
		context.refresh();
		return context;
	}

}
