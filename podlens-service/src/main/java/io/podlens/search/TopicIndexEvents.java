package io.podlens.search;

import java.util.Set;

import io.podlens.topic.MentionsStored;
import io.podlens.topic.TopicDeleted;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the topic ids indexed with each segment in step with the stored mentions: after
 * an episode's mentions were replaced (extraction, re-analysis) or a topic was deleted
 * (its mentions with it), the affected episodes' documents are written again with the
 * mentions as stored now. Runs after the commit on the thread that committed, so an
 * on-demand analysis returns once its topics are searchable and counted.
 * <p>
 * Like {@link IndexEvents}, failures are not caught: the event publication registry keeps
 * the event incomplete and hands it over again later; rewriting an episode's documents is
 * idempotent.
 */
@Component
class TopicIndexEvents {

	private final IndexMaintenance search;

	private final DeletedEpisodes deleted;

	TopicIndexEvents(IndexMaintenance search, DeletedEpisodes deleted) {
		this.search = search;
		this.deleted = deleted;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MentionsStored event) {
		this.search.reindexEpisodes(event.episodeIds());
		this.deleted.dropDeleted(event.episodeIds());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TopicDeleted event) {
		Set<Long> episodes = this.search.episodesMentioning(event.topicId());
		this.search.reindexEpisodes(episodes);
		this.deleted.dropDeleted(episodes);
	}

}
