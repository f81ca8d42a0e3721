package io.podlens.topic;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import io.podlens.common.Paged;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages through the mentions of a topic across episodes, newest episodes first (by
 * publication date, undated last, then by import time), within an episode in segment
 * order. The episode facts come from the episode feature's {@link EpisodeCatalog}; only
 * the mentions of the episodes on the page are read.
 */
@Component
class TopicMentions {

	private static final Comparator<EpisodeSummary> NEWEST_FIRST = Comparator
		.comparing(EpisodeSummary::publishedAt,
				Comparator.nullsLast(Comparator.comparing(OffsetDateTime::toInstant).reversed()))
		.thenComparing(EpisodeSummary::createdAt, Comparator.reverseOrder())
		.thenComparing(EpisodeSummary::id, Comparator.reverseOrder());

	private final MentionRepository mentions;

	private final EpisodeCatalog episodes;

	private final EntityManager entities;

	TopicMentions(MentionRepository mentions, EpisodeCatalog episodes, EntityManager entities) {
		this.mentions = mentions;
		this.episodes = episodes;
		this.entities = entities;
	}

	@Transactional(readOnly = true)
	Paged<TopicMention> of(String topicId, int page, int size) {
		Map<Long, Long> perEpisode = new HashMap<>();
		this.mentions.countsByEpisode(topicId).forEach((c) -> perEpisode.put(c.getEpisodeId(), c.getMentions()));
		List<EpisodeSummary> ordered = new ArrayList<>(this.episodes.summaries(perEpisode.keySet()));
		ordered.sort(NEWEST_FIRST);
		long total = ordered.stream().mapToLong((e) -> perEpisode.get(e.id())).sum();
		List<TopicMention> items = new ArrayList<>(size);
		long skip = (long) page * size;
		for (EpisodeSummary episode : ordered) {
			if (items.size() == size) {
				break;
			}
			long count = perEpisode.get(episode.id());
			if (skip >= count) {
				skip -= count;
				continue;
			}
			for (MentionRow row : page(topicId, episode.id(), (int) skip, size - items.size())) {
				items.add(new TopicMention(episode.id(), episode.title(), episode.publishedAt(), row.getSegmentIndex(),
						row.getStartMs(), row.getEndMs(), row.getSurface(), MatchKind.of(row.getMatchedBy()),
						row.getConfidence()));
			}
			skip = 0;
		}
		return new Paged<>(items, page, size, total);
	}

	private List<MentionRow> page(String topicId, long episodeId, int from, int count) {
		return this.entities
			.createQuery("select m from MentionRow m where m.topicId = :topicId and m.episodeId = :episodeId"
					+ " order by m.segmentIndex, m.charStart, m.id", MentionRow.class)
			.setParameter("topicId", topicId)
			.setParameter("episodeId", episodeId)
			.setFirstResult(from)
			.setMaxResults(count)
			.getResultList();
	}

}
