package io.podlens.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses one episode with the current taxonomy and stores its mentions: the old ones
 * are replaced in one transaction, so analysing again is harmless.
 */
@Component
class TopicAnalysis {

	// Two analyses of one episode at once (the background worker and an on-demand
	// request) must not interleave their delete and insert; striped locks keep memory
	// constant.
	private final ReentrantLock[] locks = new ReentrantLock[64];

	private final SegmentSource segments;

	private final TopicCatalog catalog;

	private final MentionRepository mentions;

	private final EpisodeCatalog episodes;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	TopicAnalysis(SegmentSource segments, TopicCatalog catalog, MentionRepository mentions, EpisodeCatalog episodes,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.segments = segments;
		this.episodes = episodes;
		this.events = events;
		this.catalog = catalog;
		this.mentions = mentions;
		this.transactions = new TransactionTemplate(transactionManager);
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	/**
	 * Extracts and stores the episode's mentions.
	 * @return whether the episode exists
	 */
	boolean analyse(long episodeId) {
		List<StoredSegment> episode = this.segments.segmentsOf(episodeId);
		if (episode.isEmpty()) {
			return false;
		}
		List<Mention> found = this.catalog.current().extractor().extract(episode);
		Map<Long, StoredSegment> byId = new HashMap<>();
		episode.forEach((segment) -> byId.put(segment.segmentId(), segment));
		List<MentionRow> rows = found.stream().map((m) -> new MentionRow(m, byId.get(m.segmentId()))).toList();
		ReentrantLock lock = this.locks[Math.floorMod(Long.hashCode(episodeId), this.locks.length)];
		lock.lock();
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> {
				if (!this.episodes.lockSegments(episodeId)) {
					// Deleted since its segments were read: nothing to store.
					return false;
				}
				this.mentions.deleteByEpisode(episodeId);
				this.mentions.saveAll(rows);
				// In this transaction: whoever follows the mentions sees exactly the
				// committed ones.
				this.events.publishEvent(new MentionsStored(episodeId));
				return true;
			}));
		}
		finally {
			lock.unlock();
		}
	}

}
