package io.podlens.episode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.Paged;
import io.podlens.common.PodlensProperties;
import io.podlens.transcript.LanguageDetector;
import io.podlens.transcript.TranscriptSegment;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and reads episodes. An import is one transaction: either the episode and all its
 * segments are stored, or nothing is. Each transaction publishes one
 * {@link EpisodesStored} (and a deletion one {@link EpisodeDeleted}); the event
 * publication registry records it in the same transaction, so the search index and topic
 * extraction hear about it once it has committed, and again after a failure or a restart
 * until they have handled it.
 */
@Service
class EpisodeService {

	/** External ids per duplicate-check query: a bounded IN list on every database. */
	private static final int KEYS_PER_QUERY = 500;

	private final EpisodeRepository episodes;

	private final SegmentRepository segments;

	private final ApplicationEventPublisher events;

	private final PodlensProperties properties;

	private final Clock clock;

	private final EntityManager entityManager;

	private final SegmentInserts segmentInserts;

	EpisodeService(EpisodeRepository episodes, SegmentRepository segments, SegmentInserts segmentInserts,
			ApplicationEventPublisher events, PodlensProperties properties, EntityManager entityManager) {
		this.entityManager = entityManager;
		this.episodes = episodes;
		this.segments = segments;
		this.segmentInserts = segmentInserts;
		this.events = events;
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@Transactional
	EpisodeView create(EpisodeFields fields, List<TranscriptSegment> transcript) {
		EpisodeView stored = store(fields, transcript, this::existing);
		this.events.publishEvent(EpisodesStored.of(stored.id()));
		return stored;
	}

	/**
	 * Stores several episodes in one transaction: all or none, announced by one bulk
	 * {@link EpisodesStored}, so that the index handles the batch in one write and the
	 * import makes them searchable through {@link BulkIndexing}.
	 */
	@Transactional
	List<EpisodeView> createAll(List<ValidatedEpisode> drafts) {
		List<EpisodeView> stored = new ArrayList<>(drafts.size());
		Map<String, Episode> taken = takenKeys(drafts);
		for (ValidatedEpisode draft : drafts) {
			stored.add(store(draft.fields(), draft.segments(),
					(fields) -> Optional.ofNullable(taken.get(key(fields.podcast(), fields.externalId())))));
			// Every episode is flushed already; detaching keeps dirty checking of the
			// next flushes from growing with the batch.
			this.entityManager.clear();
		}
		this.events.publishEvent(new EpisodesStored(stored.stream().map(EpisodeView::id).toList(), true));
		return stored;
	}

	/** Rejects a transcript the service would not store, before any database work. */
	void checkSegments(List<TranscriptSegment> transcript) {
		if (transcript.isEmpty()) {
			throw InvalidInputException.forField("segments", "the episode has no segments");
		}
		if (transcript.size() > this.properties.maxSegments()) {
			throw InvalidInputException.forField("segments", "has " + transcript.size()
					+ " segments, more than the limit of " + this.properties.maxSegments() + " (podlens.max-segments)");
		}
	}

	/**
	 * The episodes that already hold the batch's external ids, by podcast key and id: one
	 * query per batch instead of one per episode.
	 */
	private Map<String, Episode> takenKeys(List<ValidatedEpisode> drafts) {
		List<String> externalIds = drafts.stream()
			.map((draft) -> draft.fields().externalId())
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, Episode> taken = new HashMap<>();
		for (int from = 0; from < externalIds.size(); from += KEYS_PER_QUERY) {
			for (Episode episode : this.episodes
				.findByExternalIdIn(externalIds.subList(from, Math.min(externalIds.size(), from + KEYS_PER_QUERY)))) {
				taken.put(episode.getPodcastKey() + '\u0000' + episode.getExternalId(), episode);
			}
		}
		return taken;
	}

	private static String key(@Nullable String podcast, @Nullable String externalId) {
		return Episode.podcastKey(podcast) + '\u0000' + externalId;
	}

	private Optional<Episode> existing(EpisodeFields fields) {
		if (fields.externalId() == null) {
			return Optional.empty();
		}
		return this.episodes.findByPodcastKeyAndExternalId(Episode.podcastKey(fields.podcast()), fields.externalId());
	}

	private EpisodeView store(EpisodeFields fields, List<TranscriptSegment> transcript,
			Function<EpisodeFields, Optional<Episode>> existing) {
		checkSegments(transcript);
		rejectDuplicate(fields, existing.apply(fields));
		String language = (fields.language() != null) ? fields.language()
				: LanguageDetector.detect(transcript.stream().map(TranscriptSegment::text).toList());
		long durationMs = transcript.stream().mapToLong(TranscriptSegment::endMs).max().orElse(0);
		Episode episode = new Episode(fields.title(), fields.podcast(), fields.externalId(), language,
				fields.publishedAt(), durationMs, transcript.size(), Instant.now(this.clock));
		try {
			// The episode row must exist before its segments reference it; a taken
			// externalId fails here.
			this.episodes.saveAndFlush(episode);
			this.segmentInserts.insert(episode, transcript);
		}
		catch (DataIntegrityViolationException ex) {
			// Another request took the externalId between our check and our insert.
			rejectDuplicate(fields, existing(fields));
			throw ex;
		}
		return EpisodeView.of(episode);
	}

	@Transactional(readOnly = true)
	Paged<EpisodeView> list(int page, int size) {
		Page<Episode> found = this.episodes
			.findAll(PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"))));
		return new Paged<>(found.map(EpisodeView::of).getContent(), page, size, found.getTotalElements());
	}

	@Transactional(readOnly = true)
	EpisodeView get(long id) {
		return EpisodeView.of(find(id));
	}

	@Transactional(readOnly = true)
	List<SegmentView> segments(long id) {
		find(id);
		return this.segments.findByEpisodeIdOrderByIndex(id).stream().map(SegmentView::of).toList();
	}

	@Transactional
	void delete(long id) {
		Episode episode = find(id);
		this.segments.deleteByEpisodeId(id);
		this.episodes.delete(episode);
		this.events.publishEvent(new EpisodeDeleted(id));
	}

	private Episode find(long id) {
		return this.episodes.findById(id).orElseThrow(() -> new NotFoundException("Episode", id));
	}

	private static void rejectDuplicate(EpisodeFields fields, Optional<Episode> taken) {
		taken.ifPresent((existing) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("existingEpisodeId", existing.getId());
			details.put("existing", "/api/episodes/" + existing.getId());
			throw new ConflictException("Episode " + existing.getId() + " ('" + existing.getTitle()
					+ "') already has externalId '" + fields.externalId() + "'"
					+ ((fields.podcast() != null) ? " in podcast '" + fields.podcast() + "'" : ""), details);
		});
	}

}
