package io.podlens.topic.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.podlens.common.ConflictException;
import io.podlens.common.InvalidInputException;
import io.podlens.common.NotFoundException;
import io.podlens.common.Paged;
import io.podlens.episode.EpisodeCatalog;
import io.podlens.episode.EpisodeSummary;
import io.podlens.text.ChineseScript;
import io.podlens.text.Folding;
import io.podlens.text.IntroducedNames;
import io.podlens.text.NameCandidates;
import io.podlens.text.Pinyin;
import io.podlens.text.Token;
import io.podlens.text.Tokens;
import io.podlens.topic.Topic;
import io.podlens.topic.TopicRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the candidate endpoints do: list, accept, reject. */
@Service
class CandidateService {

	/** Forms of a candidate that become names of a topic: the most frequent. */
	static final int MAX_FORMS = 20;

	private static final List<String> STATUSES = List.of(CandidateRow.OPEN, CandidateRow.ACCEPTED,
			CandidateRow.REJECTED);

	private final CandidateStore store;

	private final CandidateRepository candidates;

	private final DiscoveryTaxonomy taxonomy;

	private final EpisodeCatalog episodes;

	private final DiscoveryProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	private volatile @Nullable Cached soundsLike;

	private record Cached(long version, SoundsLike index) {
	}

	CandidateService(CandidateStore store, CandidateRepository candidates, DiscoveryTaxonomy taxonomy,
			EpisodeCatalog episodes, DiscoveryProperties properties, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.candidates = candidates;
		this.taxonomy = taxonomy;
		this.episodes = episodes;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Candidates of a status, most occurrences first; open ones only from
	 * {@code minMentions} occurrences (the configured minimum when null).
	 */
	Paged<CandidateView> list(@Nullable String status, @Nullable Integer minMentions, int page, int size) {
		String wanted = (status == null || status.isBlank()) ? CandidateRow.OPEN : status.strip();
		if (!STATUSES.contains(wanted)) {
			throw InvalidInputException.forField("status",
					"'" + status + "' is not one of " + String.join(", ", STATUSES));
		}
		if (minMentions != null && minMentions < 1) {
			throw InvalidInputException.forField("minMentions", "must be 1 or more, was " + minMentions);
		}
		int min = (minMentions != null) ? minMentions
				: (CandidateRow.OPEN.equals(wanted) ? this.properties.minMentions() : 1);
		List<CandidateStore.Counted> counted = this.store.page(wanted, min, page, size);
		return new Paged<>(views(counted), page, size, this.store.total(wanted, min));
	}

	CandidateView get(long id) {
		return views(List.of(counted(id))).get(0);
	}

	/**
	 * Makes the candidate a new topic, or names of an existing one; the taxonomy change
	 * re-analyses the stored episodes, after which its forms are mentions of the topic.
	 */
	synchronized CandidateView accept(long id, @Nullable AcceptRequest body) {
		AcceptRequest request = (body != null) ? body : AcceptRequest.NEW_TOPIC;
		CandidateStore.Counted candidate = open(id);
		List<String> kinds = this.store.kinds(List.of(id)).getOrDefault(id, List.of());
		List<String> forms = namingForms(this.store.variants(List.of(id))
			.getOrDefault(id, List.of())
			.stream()
			.map(CandidateView.Variant::surface)
			.toList(), kinds).stream().limit(MAX_FORMS).toList();
		String name = forms.isEmpty() ? candidate.name() : forms.get(0);
		Topic topic;
		if (request.topicId() != null && !request.topicId().isBlank()) {
			if (request.id() != null || request.name() != null || request.category() != null
					|| request.kind() != null) {
				throw InvalidInputException.forField("topicId",
						"joins an existing topic; id, name, category and kind are for a new topic, leave them out");
			}
			String topicId = request.topicId().strip();
			Topic existing = this.taxonomy.topics()
				.stream()
				.filter((t) -> t.id().equals(topicId))
				.findFirst()
				.orElseThrow(() -> InvalidInputException.forField("topicId", "'" + topicId + "' is no topic"));
			Names names = Names.of(forms, existing.names());
			topic = this.taxonomy.addNames(existing.id(), names.latin(), names.hant(), names.hans());
		}
		else {
			String topicName = (request.name() != null && !request.name().isBlank()) ? request.name().strip() : name;
			List<String> others = new ArrayList<>(forms);
			others.add(0, topicName);
			Names names = Names.of(others, List.of(topicName));
			String topicId = (request.id() != null) ? request.id().strip() : slug(topicName, id);
			String category = (request.category() != null) ? request.category().strip() : defaultCategory(kinds);
			List<String> hans = new ArrayList<>(names.hans());
			List<String> hant = new ArrayList<>(names.hant());
			if (hasHan(topicName)) {
				(ChineseScript.isTraditional(topicName) ? hant : hans).add(0, topicName);
			}
			topic = this.taxonomy.create(new TopicRequest(topicId, topicName, category, names.latin(), List.of(),
					request.kind(), null, hant, hans, null));
		}
		Instant now = Instant.now(this.clock);
		this.transactions.executeWithoutResult((status) -> row(id).accept(topic.id(), now));
		return get(id);
	}

	/** Hides the candidate, also when its forms occur again. */
	synchronized CandidateView reject(long id) {
		open(id);
		Instant now = Instant.now(this.clock);
		this.transactions.executeWithoutResult((status) -> row(id).reject(now));
		return get(id);
	}

	private CandidateStore.Counted counted(long id) {
		return this.store.one(id).orElseThrow(() -> new NotFoundException("Candidate", id));
	}

	private CandidateStore.Counted open(long id) {
		CandidateStore.Counted candidate = counted(id);
		if (!CandidateRow.OPEN.equals(candidate.status())) {
			Map<String, Object> where = new LinkedHashMap<>();
			where.put("candidate", "/api/topics/candidates/" + id);
			where.put("candidateStatus", candidate.status());
			if (candidate.topicId() != null) {
				where.put("topicId", candidate.topicId());
			}
			throw new ConflictException("Candidate " + id + " is already " + candidate.status(), where);
		}
		return candidate;
	}

	private CandidateRow row(long id) {
		return this.candidates.findById(id).orElseThrow(() -> new NotFoundException("Candidate", id));
	}

	private List<CandidateView> views(List<CandidateStore.Counted> counted) {
		List<Long> ids = counted.stream().map(CandidateStore.Counted::id).toList();
		Map<Long, List<CandidateView.Variant>> variants = this.store.variants(ids);
		Map<Long, List<String>> kinds = this.store.kinds(ids);
		Map<Long, Map<Long, Long>> byEpisode = this.store.episodes(ids);
		Map<Long, List<CandidateView.Context>> contexts = this.store.contexts(ids, this.properties.contexts());
		Set<Long> episodeIds = new LinkedHashSet<>();
		byEpisode.values().forEach((m) -> episodeIds.addAll(m.keySet()));
		Map<Long, String> titles = new HashMap<>();
		for (EpisodeSummary summary : this.episodes.summaries(episodeIds)) {
			titles.put(summary.id(), summary.title());
		}
		SoundsLike sounds = soundsLike();
		List<CandidateView> views = new ArrayList<>(counted.size());
		for (CandidateStore.Counted c : counted) {
			List<CandidateView.Variant> forms = variants.getOrDefault(c.id(), List.of());
			List<String> candidateKinds = kinds.getOrDefault(c.id(), List.of());
			List<String> naming = namingForms(forms.stream().map(CandidateView.Variant::surface).toList(),
					candidateKinds);
			List<CandidateView.EpisodeCount> episodes = new ArrayList<>();
			byEpisode.getOrDefault(c.id(), Map.of())
				.forEach((episode, n) -> episodes
					.add(new CandidateView.EpisodeCount(episode, titles.getOrDefault(episode, ""), n)));
			views.add(new CandidateView(c.id(), naming.isEmpty() ? c.name() : naming.get(0), c.status(), candidateKinds,
					c.mentions(), c.episodes(), forms, episodes, contexts.getOrDefault(c.id(), List.of()),
					sounds.of(c.soundKey()), c.topicId(), c.decidedAt()));
		}
		return views;
	}

	private SoundsLike soundsLike() {
		long version = this.taxonomy.version();
		Cached cached = this.soundsLike;
		if (cached == null || cached.version() != version) {
			cached = new Cached(version, new SoundsLike(this.taxonomy.topics()));
			this.soundsLike = cached;
		}
		return cached.index();
	}

	/**
	 * The forms that may name the topic, most frequent first: of a person an episode
	 * introduced, only full names, since the first name alone ("Paul") is this person's
	 * only in that episode (after the full name, the extractor's first-name rule finds it
	 * again).
	 */
	static List<String> namingForms(List<String> forms, List<String> kinds) {
		if (!kinds.contains(NameCandidates.Kind.INTRODUCED_PERSON.json())) {
			return forms;
		}
		return forms.stream().filter(IntroducedNames::isFullName).toList();
	}

	/**
	 * Person for names in Chinese characters or introduced people, product for podcasts,
	 * model for model-like forms.
	 */
	static String defaultCategory(List<String> kinds) {
		String main = kinds.isEmpty() ? "" : kinds.get(0);
		if (kinds.contains(NameCandidates.Kind.INTRODUCED_PODCAST.json())) {
			return "product";
		}
		if (kinds.contains(NameCandidates.Kind.INTRODUCED_PERSON.json())
				|| main.equals(NameCandidates.Kind.CHINESE_PERSON.json())
				|| main.equals(NameCandidates.Kind.TRANSLITERATED.json())) {
			return "person";
		}
		return main.equals(NameCandidates.Kind.MODEL_LIKE.json()) ? "model" : "organization";
	}

	/**
	 * A topic id from a name: folded Latin letters and digits, Chinese characters by
	 * their pinyin, dashes between; {@code candidate-<id>} when nothing is left.
	 */
	static String slug(String name, long candidateId) {
		StringBuilder slug = new StringBuilder();
		String text = Folding.width(name);
		List<Token> tokens = Tokens.of(text);
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			String piece = token.han() ? Pinyin.of(token.key()) : Folding.key(token.key());
			piece = piece.replaceAll("[^a-z0-9]", "");
			if (piece.isEmpty()) {
				continue;
			}
			// Qwen2.5 keeps its dot: qwen2.5
			boolean dotted = i > 0 && !token.han() && !tokens.get(i - 1).han()
					&& tokens.get(i - 1).end() == token.start() - 1 && text.charAt(token.start() - 1) == '.';
			if (!slug.isEmpty()) {
				slug.append(dotted ? '.' : '-');
			}
			slug.append(piece);
		}
		String id = slug.toString().toLowerCase(Locale.ROOT);
		if (id.length() > 100) {
			id = id.substring(0, 100).replaceAll("[-.]+$", "");
		}
		return id.isEmpty() ? "candidate-" + candidateId : id;
	}

	private static boolean hasHan(String text) {
		return text.codePoints().anyMatch(Folding::isHan);
	}

	/** A candidate's forms by script, without those a topic already has. */
	record Names(List<String> latin, List<String> hant, List<String> hans) {

		static Names of(List<String> forms, List<String> existing) {
			Set<String> known = new LinkedHashSet<>();
			existing.forEach((n) -> known.add(Folding.key(n)));
			List<String> latin = new ArrayList<>();
			List<String> hant = new ArrayList<>();
			List<String> hans = new ArrayList<>();
			for (String form : forms) {
				if (!known.add(Folding.key(form))) {
					continue;
				}
				if (!hasHan(form)) {
					latin.add(form);
				}
				else {
					(ChineseScript.isTraditional(form) ? hant : hans).add(form);
				}
			}
			return new Names(latin, hant, hans);
		}

	}

}
