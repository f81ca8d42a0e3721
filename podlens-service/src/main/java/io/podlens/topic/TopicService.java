package io.podlens.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.Paged;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.text.Folding;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** What the topic endpoints do: the taxonomy with counts, and stored mentions. */
@Service
class TopicService implements TopicDirectory {

	private final TopicCatalog catalog;

	private final MentionRepository mentions;

	private final MentionCounts counts;

	private final TopicMentions topicMentions;

	private final EpisodeCatalog episodes;

	private final TopicAnalysis analysis;

	private final TopicWorker worker;

	private final TopicStates states;

	private final NewNames newNames;

	TopicService(TopicCatalog catalog, MentionRepository mentions, MentionCounts counts, TopicMentions topicMentions,
			EpisodeCatalog episodes, TopicAnalysis analysis, TopicWorker worker, TopicStates states,
			NewNames newNames) {
		this.states = states;
		this.newNames = newNames;
		this.catalog = catalog;
		this.mentions = mentions;
		this.counts = counts;
		this.topicMentions = topicMentions;
		this.episodes = episodes;
		this.analysis = analysis;
		this.worker = worker;
	}

	/**
	 * Topics of a category and kind (or all), with this parent (or any), whose id, name,
	 * an alias or a Chinese name contains {@code q} folded for case, width and script (or
	 * all); with the counts of their descendants when asked.
	 */
	List<TopicView> list(@Nullable TopicCategory category, @Nullable TopicKind kind, @Nullable String parent,
			@Nullable String q, boolean includeChildren) {
		String key = (q != null && !q.isBlank()) ? Folding.key(q) : null;
		Taxonomy taxonomy = this.catalog.current().taxonomy();
		if (parent != null && taxonomy.topic(parent).isEmpty()) {
			throw InvalidInputException.forField("parent", "'" + parent + "' is no topic");
		}
		Map<String, MentionCounts.Counts> counts = this.counts.all();
		Map<String, MentionCounts.Counts> rolled = includeChildren ? this.counts.rolledUp(taxonomy::withAncestors)
				: Map.of();
		return taxonomy.topics()
			.stream()
			.filter((topic) -> category == null || topic.category() == category)
			.filter((topic) -> kind == null || topic.kind() == kind)
			.filter((topic) -> parent == null || parent.equals(taxonomy.parent(topic).map(Topic::id).orElse(null)))
			.filter((topic) -> key == null || matches(topic, key, q))
			.sorted(Comparator.comparing(Topic::id))
			.map((topic) -> view(taxonomy, topic, counts.getOrDefault(topic.id(), MentionCounts.Counts.NONE),
					includeChildren
							? rolledUp(taxonomy, topic, rolled.getOrDefault(topic.id(), MentionCounts.Counts.NONE))
							: null))
			.toList();
	}

	@Override
	public List<TopicView> find(@Nullable TopicCategory category, @Nullable String q, boolean includeChildren) {
		return list(category, null, null, q, includeChildren);
	}

	TopicView get(String id, boolean includeChildren) {
		Taxonomy taxonomy = this.catalog.current().taxonomy();
		Topic topic = taxonomy.topic(id).orElseThrow(() -> new NotFoundException("Topic", id));
		TopicView.RolledUp rolled = includeChildren
				? rolledUp(taxonomy, topic, this.counts.ofAny(taxonomy.withDescendants(id))) : null;
		return view(taxonomy, topic, this.counts.of(id), rolled);
	}

	TopicView create(Topic topic) {
		Topic created = this.catalog.create(topic);
		return view(this.catalog.current().taxonomy(), created, MentionCounts.Counts.NONE, null);
	}

	/**
	 * The topic as stored, for a replacement that keeps what the request leaves out (see
	 * {@link TopicValidation#replaced}); null when there is none.
	 */
	@Nullable Topic stored(String id) {
		return this.catalog.current().topic(id).orElse(null);
	}

	TopicView replace(Topic topic) {
		this.catalog.replace(topic);
		return get(topic.id(), false);
	}

	void delete(String id) {
		this.catalog.delete(id);
	}

	@Override
	public Paged<TopicMention> mentions(String topicId, int page, int size) {
		if (this.catalog.current().topic(topicId).isEmpty()) {
			throw new NotFoundException("Topic", topicId);
		}
		return this.topicMentions.of(topicId, page, size);
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public EpisodeTopics episodeTopics(long episodeId) {
		if (!this.episodes.exists(episodeId)) {
			throw new NotFoundException("Episode", episodeId);
		}
		// One snapshot (repeatable read): the state, the mentions and the new names are
		// of
		// the same analysis even while a re-analysis commits. Without it (a caller's own
		// transaction) the state comes first: what is read after is at least as new.
		TopicState state = this.states.of(episodeId);
		return EpisodeTopics.of(episodeId, state, summarise(this.mentions.findByEpisode(episodeId)),
				this.newNames.inEpisode(episodeId));
	}

	/** Analyses the episode now, on this thread, and answers its topics. */
	EpisodeTopics analyse(long episodeId) {
		boolean found;
		try {
			found = this.analysis.analyse(episodeId);
		}
		catch (DataIntegrityViolationException ex) {
			// Deleted while it was analysed: a 404 below, anything else is a real error.
			if (this.episodes.exists(episodeId)) {
				throw ex;
			}
			found = false;
		}
		if (!found) {
			throw new NotFoundException("Episode", episodeId);
		}
		// A queued background run for the episode has nothing left to add.
		this.worker.forget(episodeId);
		return episodeTopics(episodeId);
	}

	ReanalysisStatus reanalysisStatus() {
		Map<String, Long> stored = this.states.counts();
		long ready = stored.getOrDefault(TopicStates.READY, 0L);
		long failed = stored.getOrDefault(TopicStates.FAILED, 0L);
		// episodes without a row were never analysed: pending too
		long pending = Math.max(0, this.episodes.ids().size() - ready - failed);
		return this.worker.status().withEpisodes(pending, failed);
	}

	/**
	 * An episode's topics: most mentioned first; on a tie the one more surely there
	 * (higher mean confidence: heard as written before only sounding alike), then named
	 * things before ideas, then by name.
	 */
	static final Comparator<EpisodeTopic> EPISODE_ORDER = Comparator.comparingInt(EpisodeTopic::count)
		.reversed()
		.thenComparing(Comparator.comparingDouble(TopicService::meanConfidence).reversed())
		.thenComparing((EpisodeTopic t) -> !t.topic().category().isNamedEntity())
		.thenComparing((EpisodeTopic t) -> t.topic().name().toLowerCase(Locale.ROOT));

	static double meanConfidence(EpisodeTopic topic) {
		return topic.mentions().stream().mapToDouble(EpisodeTopic.EpisodeMention::confidence).average().orElse(0);
	}

	/** Topics in {@link #EPISODE_ORDER}, their mentions in segment order. */
	private List<EpisodeTopic> summarise(List<MentionRow> rows) {
		TopicCatalog.Snapshot snapshot = this.catalog.current();
		Map<String, List<EpisodeTopic.EpisodeMention>> byTopic = new LinkedHashMap<>();
		for (MentionRow row : rows) {
			byTopic.computeIfAbsent(row.getTopicId(), (k) -> new ArrayList<>())
				.add(new EpisodeTopic.EpisodeMention(row.getSegmentIndex(), row.getStartMs(), row.getEndMs(),
						row.getCharStart(), row.getCharEnd(), row.getSurface(), MatchKind.of(row.getMatchedBy()),
						row.getConfidence()));
		}
		List<EpisodeTopic> result = new ArrayList<>();
		byTopic.forEach((id, list) -> {
			Optional<Topic> topic = snapshot.topic(id);
			topic.ifPresent((t) -> result.add(new EpisodeTopic(
					EpisodeTopic.TopicRef.of(t, snapshot.taxonomy().parent(t).map(Topic::id).orElse(null)), list.size(),
					list)));
		});
		result.sort(EPISODE_ORDER);
		return result;
	}

	private static boolean matches(Topic topic, String key, String q) {
		if (key.isEmpty()) {
			String plain = q.strip().toLowerCase(Locale.ROOT);
			return topic.id().contains(plain) || topic.name().toLowerCase(Locale.ROOT).contains(plain);
		}
		if (Folding.key(topic.id()).contains(key)) {
			return true;
		}
		return topic.names().stream().anyMatch((name) -> Folding.key(name).contains(key));
	}

	private static TopicView view(Taxonomy taxonomy, Topic topic, MentionCounts.Counts counts,
			TopicView.@Nullable RolledUp rolled) {
		// a parent that is gone shows as none, as it counts
		Topic shown = topic.withParent(taxonomy.parent(topic).map(Topic::id).orElse(null));
		return TopicView.of(shown, taxonomy.children(topic.id()).size(), counts.episodes(), counts.mentions(), rolled);
	}

	private static TopicView.RolledUp rolledUp(Taxonomy taxonomy, Topic topic, MentionCounts.Counts counts) {
		return new TopicView.RolledUp(taxonomy.withDescendants(topic.id()).size(), counts.episodes(),
				counts.mentions());
	}

}
