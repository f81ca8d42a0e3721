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
import io.podlens.common.WorkClaims;
import io.podlens.episode.StoredSegment;
import io.podlens.topic.discovery.CandidateDiscovery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses episodes with the current taxonomy and stores their mentions: the old ones are
 * replaced in one transaction, so analysing again is harmless. Background analysis claims
 * each episode in the database first ({@link WorkClaims}) and records the taxonomy
 * revision it used in the transaction that stores the mentions, so that instances on one
 * database never analyse an episode twice for one revision.
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

	private final WorkClaims claims;

	TopicAnalysis(SegmentSource segments, TopicCatalog catalog, MentionRepository mentions, EpisodeCatalog episodes,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, TopicStates states,
			CandidateDiscovery discovery, WorkClaims claims) {
		this.segments = segments;
		this.states = states;
		this.discovery = discovery;
		this.episodes = episodes;
		this.events = events;
		this.catalog = catalog;
		this.mentions = mentions;
		this.claims = claims;
		this.transactions = new TransactionTemplate(transactionManager);
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	/**
	 * Extracts and stores the episode's mentions now, claimed or not (a client asked).
	 * @return whether the episode exists
	 */
	boolean analyse(long episodeId) {
		TopicCatalog.Snapshot snapshot = this.catalog.refreshed();
		return !store(read(List.of(episodeId), snapshot), snapshot, false).isEmpty();
	}

	/**
	 * Claims episodes, extracts their mentions and stores them in one transaction,
	 * published as one {@link MentionsStored}, so that the index rewrites their documents
	 * in one write and one commit instead of one per episode. Episodes whose mentions are
	 * of the current taxonomy revision already (another instance did them) are skipped.
	 * @return the episodes whose mentions were stored: those claimed that still exist
	 * @throws ClaimedElsewhere after storing the others, naming the episodes another
	 * instance holds
	 */
	Set<Long> analyseAll(List<Long> episodeIds) {
		// Cheap: one row; reloads the taxonomy when another instance changed it.
		TopicCatalog.Snapshot snapshot = this.catalog.refreshed();
		WorkClaims.Claim claim = this.claims.claim(WorkClaims.TOPIC, episodeIds, snapshot.revision());
		Set<Long> stored = Set.of();
		if (!claim.claimed().isEmpty()) {
			try {
				stored = store(read(claim.claimed(), snapshot), snapshot, true);
			}
			catch (RuntimeException ex) {
				// Others may try at once instead of after the lease.
				this.claims.release(WorkClaims.TOPIC, claim.claimed());
				throw ex;
			}
			// Claimed episodes that were deleted meanwhile have no row left; the others
			// were completed with their mentions.
			this.claims.release(WorkClaims.TOPIC, claim.claimed());
		}
		if (!claim.heldElsewhere().isEmpty()) {
			throw new ClaimedElsewhere(claim.heldElsewhere());
		}
		return stored;
	}

	/** Episodes whose mentions are older than the revision, nobody holding them. */
	List<Long> toDo(long revision, long afterId, int limit) {
		return this.claims.toDo(WorkClaims.TOPIC, revision, afterId, limit);
	}

	/** Episodes whose mentions are older than the revision. */
	long countToDo(long revision) {
		return this.claims.countToDo(WorkClaims.TOPIC, revision);
	}

	/** An episode's mentions found, and the names no topic matched (for review). */
	private record Found(List<MentionRow> rows, CandidateDiscovery.Found candidates) {
	}

	private Map<Long, Found> read(List<Long> episodeIds, TopicCatalog.Snapshot snapshot) {
		Map<Long, Found> byEpisode = new LinkedHashMap<>();
		for (long episodeId : episodeIds) {
			List<StoredSegment> episode = this.segments.segmentsOf(episodeId);
			if (!episode.isEmpty()) {
				List<Mention> found = snapshot.extractor().extract(episode);
				byEpisode.put(episodeId, new Found(rows(episode, found), this.discovery.find(episode, found)));
			}
		}
		return byEpisode;
	}

	private Set<Long> store(Map<Long, Found> rowsByEpisode, TopicCatalog.Snapshot snapshot, boolean claimed) {
		if (rowsByEpisode.isEmpty()) {
			return Set.of();
		}
		List<ReentrantLock> held = stripes(rowsByEpisode.keySet());
		held.forEach(ReentrantLock::lock);
		try {
			Set<Long> stored = this.transactions.execute((status) -> {
				Set<Long> done = new LinkedHashSet<>();
				rowsByEpisode.forEach((episodeId, found) -> {
					// Deleted since its segments were read: nothing to store.
					if (this.episodes.lockSegments(episodeId)) {
						this.mentions.deleteByEpisode(episodeId);
						this.mentions.saveAll(found.rows());
						this.discovery.store(episodeId, found.candidates());
						if (claimed) {
							// Rolls the whole batch back if another instance took the
							// claim over meanwhile.
							this.claims.complete(WorkClaims.TOPIC, episodeId, snapshot.revision());
						}
						else {
							this.claims.recordDone(WorkClaims.TOPIC, episodeId, snapshot.revision());
						}
						done.add(episodeId);
					}
				});
				if (!done.isEmpty()) {
					// Asked after the rows are written: a change of the taxonomy from now
					// on marks them stale after this commit (its update waits for ours).
					boolean current = this.catalog.current().version() == snapshot.version();
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

	/** Episodes another instance is analysing now; it completes their work. */
	static final class ClaimedElsewhere extends RuntimeException {

		private final List<Long> episodeIds;

		ClaimedElsewhere(List<Long> episodeIds) {
			super("Episodes " + episodeIds + " are claimed by another instance", null, false, false);
			this.episodeIds = List.copyOf(episodeIds);
		}

		List<Long> episodeIds() {
			return this.episodeIds;
		}

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
