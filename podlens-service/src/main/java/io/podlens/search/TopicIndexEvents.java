package io.podlens.search;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.podlens.topic.MentionsStored;
import io.podlens.topic.TopicDeleted;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the topic ids indexed with each segment in step with the stored mentions: after
 * an episode's mentions were replaced (extraction, re-analysis) or a topic was deleted
 * (its mentions with it), the affected episodes' documents are written again with the
 * mentions as stored now. Runs after the commit on the thread that committed, so an
 * on-demand analysis returns once its topics are searchable and counted.
 */
@Component
class TopicIndexEvents {

	private static final Logger log = LoggerFactory.getLogger(TopicIndexEvents.class);

	private final LuceneSegmentSearch search;

	TopicIndexEvents(LuceneSegmentSearch search) {
		this.search = search;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MentionsStored event) {
		try {
			this.search.reindexEpisode(event.episodeId());
		}
		catch (RuntimeException ex) {
			log.error("Indexing the topics of episode {} failed; rebuild the index to repair it", event.episodeId(),
					ex);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(TopicDeleted event) {
		try {
			Set<Long> episodes = this.search.episodesMentioning(event.topicId());
			episodes.forEach(this.search::reindexEpisode);
		}
		catch (RuntimeException ex) {
			log.error("Removing topic {} from the index failed; rebuild the index to repair it", event.topicId(), ex);
		}
	}

}
