package io.podlens.topic;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.SegmentSource;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.discovery.CandidateDiscovery;

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

	private final TopicStates states;

	private final CandidateDiscovery discovery;

	TopicAnalysis(SegmentSource segments, TopicCatalog catalog, MentionRepository mentions, EpisodeCatalog episodes,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, TopicStates states,
			CandidateDiscovery discovery) {
		this.segments = segments;
		this.states = states;
		this.discovery = discovery;
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
		return !analyseAll(List.of(episodeId)).isEmpty();
	}

	/**
	 * Extracts the mentions of several episodes and stores them in one transaction,
	 * published as one {@link MentionsStored}, so that the index rewrites their documents
	 * in one write and one commit instead of one per episode.
	 * @return the episodes whose mentions were stored: those that still exist
	 */
	Set<Long> analyseAll(List<Long> episodeIds) {
		TopicCatalog.Snapshot taxonomy = this.catalog.current();
		Map<Long, List<MentionRow>> rowsByEpisode = new LinkedHashMap<>();
		Map<Long, CandidateDiscovery.Found> candidates = new HashMap<>();
		for (long episodeId : episodeIds) {
			List<StoredSegment> episode = this.segments.segmentsOf(episodeId);
			if (!episode.isEmpty()) {
				List<Mention> found = taxonomy.extractor().extract(episode);
				rowsByEpisode.put(episodeId, rows(episode, found));
				// Names no topic matched, for review; stored with the mentions below.
				candidates.put(episodeId, this.discovery.find(episode, found));
			}
		}
		if (rowsByEpisode.isEmpty()) {
			return Set.of();
		}
		List<ReentrantLock> held = stripes(rowsByEpisode.keySet());
		held.forEach(ReentrantLock::lock);
		try {
			Set<Long> stored = this.transactions.execute((status) -> {
				Set<Long> done = new LinkedHashSet<>();
				rowsByEpisode.forEach((episodeId, rows) -> {
					// Deleted since its segments were read: nothing to store.
					if (this.episodes.lockSegments(episodeId)) {
						this.mentions.deleteByEpisode(episodeId);
						this.mentions.saveAll(rows);
						this.discovery.store(episodeId, candidates.get(episodeId));
						done.add(episodeId);
					}
				});
				if (!done.isEmpty()) {
					// Asked after the rows are written: a change of the taxonomy from now
					// on marks them stale after this commit (its update waits for ours).
					boolean current = this.catalog.current().version() == taxonomy.version();
					this.states.analysed(done, Instant.now(), current);
					// In this transaction: whoever follows the mentions sees exactly the
					// committed ones.
					this.events.publishEvent(new MentionsStored(List.copyOf(done)));
				}
				return done;
			});
			return (stored != null) ? stored : Set.of();
		}
		finally {
			for (int i = held.size() - 1; i >= 0; i--) {
				held.get(i).unlock();
			}
		}
	}

	private static List<MentionRow> rows(List<StoredSegment> episode, List<Mention> found) {
		Map<Long, StoredSegment> byId = new HashMap<>();
		episode.forEach((segment) -> byId.put(segment.segmentId(), segment));
		return found.stream().map((m) -> new MentionRow(m, byId.get(m.segmentId()))).toList();
	}

	/**
	 * The episodes' lock stripes, each once and in index order, so that no two deadlock.
	 */
	private List<ReentrantLock> stripes(Set<Long> episodeIds) {
		return episodeIds.stream()
			.map((id) -> Math.floorMod(Long.hashCode(id), this.locks.length))
			.distinct()
			.sorted()
			.map((stripe) -> this.locks[stripe])
			.toList();
	}

}
