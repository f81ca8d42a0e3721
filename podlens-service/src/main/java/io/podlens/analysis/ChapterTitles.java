package io.podlens.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.podlens.episode.StoredSegment;
import io.podlens.text.Folding;

/**
 * Titles of chapters without a theme, from what dominates the stretch: the topics it
 * mentions and its key phrases ("DeepSeek-R1 and reinforcement learning", "世界模型与自监督学习"),
 * in the episode's language. Candidates are scored by how often the stretch says them and
 * how specific they are to it: the inverse document frequency over the episode's windows
 * of {@link EpisodeWords#WINDOW_MS}, so what the whole episode keeps saying (its subject,
 * "model" in an AI show) titles no single chapter. Phrases are preferred to single words,
 * and a single word titles only when it is a name (written with a capital most of the
 * time, or with capitals or digits inside) or said often in the stretch and rarely
 * elsewhere. Nothing found: "Part 3".
 */
final class ChapterTitles {

	/** Items in a title. */
	static final int ITEMS = 2;

	/**
	 * A candidate found in more than this share of the episode's windows is the episode's
	 * subject, not the stretch's.
	 */
	static final double MAX_SPREAD = 0.5;

	/** A topic with this many mentions in a stretch, most of its own, leads its title. */
	static final int PROMINENT_MENTIONS = 4;

	private final List<StoredSegment> segments;

	private final EpisodeWords words;

	private final Map<Long, List<ChapterTopic>> topicsBySegment = new HashMap<>();

	private final Map<String, Integer> topicTotals = new HashMap<>();

	private final Map<String, Integer> topicWindows = new HashMap<>();

	/** Names of the episode's topics, without spaces and hyphens. */
	private final Set<String> topicNames = new HashSet<>();

	private final boolean chinese;

	private final boolean traditional;

	/** Topic names as written, to tell names with a case of their own. */
	private final Set<String> topicTitles = new HashSet<>();

	ChapterTitles(List<StoredSegment> segments, EpisodeWords words, List<ChapterTopic> topics, String language) {
		this.segments = segments;
		this.words = words;
		this.chinese = language.startsWith("zh");
		this.traditional = language.equals("zh-Hant");
		Map<Long, Long> windowOf = new HashMap<>();
		segments.forEach((s) -> windowOf.put(s.segmentId(), s.startMs() / EpisodeWords.WINDOW_MS));
		Map<String, Set<Long>> windows = new HashMap<>();
		for (ChapterTopic topic : topics) {
			Long window = windowOf.get(topic.segmentId());
			if (window == null) {
				continue;
			}
			this.topicsBySegment.computeIfAbsent(topic.segmentId(), (k) -> new ArrayList<>()).add(topic);
			this.topicTotals.merge(topic.topicId(), 1, Integer::sum);
			topic.names().forEach((name) -> this.topicNames.add(compact(name)));
			this.topicTitles.add(topic.title());
			windows.computeIfAbsent(topic.topicId(), (k) -> new HashSet<>()).add(window);
		}
		windows.forEach((id, set) -> this.topicWindows.put(id, set.size()));
	}

	/** The title of the {@code part}-th unthemed chapter, {@code [fromMs, toMs)}. */
	String title(int part, long fromMs, long toMs) {
		List<String> items = items(fromMs, toMs);
		if (items.isEmpty()) {
			return PartTitles.title(part, this.chinese);
		}
		return join(items);
	}

	/** The title's items, best first: at most {@link #ITEMS}, none inside another. */
	List<String> items(long fromMs, long toMs) {
		List<Candidate> candidates = new ArrayList<>(topicCandidates(fromMs, toMs));
		candidates.addAll(termCandidates(fromMs, toMs));
		candidates.sort(Comparator.comparing((Candidate c) -> !c.leads)
			.thenComparing(Comparator.comparingDouble((Candidate c) -> c.score).reversed())
			.thenComparing((Candidate c) -> c.key));
		List<Candidate> chosen = new ArrayList<>();
		for (Candidate candidate : candidates) {
			if (chosen.size() == ITEMS) {
				break;
			}
			if (chosen.stream().noneMatch((c) -> overlaps(c, candidate))) {
				chosen.add(candidate);
			}
		}
		List<String> items = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			items.add((i == 0) ? chosen.get(i).title : chosen.get(i).inner);
		}
		return items;
	}

	private List<Candidate> topicCandidates(long fromMs, long toMs) {
		Map<String, Double> weight = new HashMap<>();
		Map<String, Integer> count = new HashMap<>();
		Map<String, ChapterTopic> sample = new HashMap<>();
		for (StoredSegment segment : this.segments) {
			if (segment.startMs() < fromMs || segment.startMs() >= toMs) {
				continue;
			}
			for (ChapterTopic topic : this.topicsBySegment.getOrDefault(segment.segmentId(), List.of())) {
				weight.merge(topic.topicId(), topic.confidence(), Double::sum);
				count.merge(topic.topicId(), 1, Integer::sum);
				sample.putIfAbsent(topic.topicId(), topic);
			}
		}
		List<Candidate> result = new ArrayList<>();
		int windows = this.words.windows();
		weight.forEach((id, w) -> {
			int spread = this.topicWindows.getOrDefault(id, 1);
			if (count.get(id) < 2 || tooSpread(spread, windows)) {
				return;
			}
			ChapterTopic topic = sample.get(id);
			double score = w * idf(windows, spread) * (topic.named() ? 2.0 : 1.5);
			boolean leads = count.get(id) >= PROMINENT_MENTIONS && count.get(id) * 2 >= this.topicTotals.get(id);
			// an idea's name reads in lower case inside a title: "World models and
			// reinforcement learning"
			String inner = (!topic.named() && startsPlainCapital(topic.title()))
					? topic.title().substring(0, 1).toLowerCase(Locale.ROOT) + topic.title().substring(1)
					: topic.title();
			result.add(new Candidate(Folding.fold(topic.title()), topic.title(), inner, score, leads));
		});
		return result;
	}

	private List<Candidate> termCandidates(long fromMs, long toMs) {
		List<Candidate> result = new ArrayList<>();
		int windows = this.words.windows();
		for (EpisodeWords.TermCount term : this.words.terms(fromMs, toMs)) {
			int spread = this.words.termWindows(term.key());
			// a topic's name is the topic: its mentions speak for it
			if (tooSpread(spread, windows) || this.topicNames.contains(compact(term.key()))) {
				continue;
			}
			double idf = idf(windows, spread);
			double score;
			if (term.words() > 1) {
				if (term.count() < 2) {
					continue;
				}
				score = term.count() * idf * (1 + 0.5 * (term.words() - 1));
			}
			else if (term.name()) {
				if (term.count() < 2) {
					continue;
				}
				score = term.count() * idf;
			}
			else {
				// a plain word must be said often here and seldom elsewhere
				if (term.count() < 3 || (windows >= 6 && spread * 5 > windows)) {
					continue;
				}
				score = term.count() * idf * 0.6;
			}
			result.add(new Candidate(term.key(), term.surface(), term.surface(), score, false));
		}
		return result;
	}

	private static boolean tooSpread(int spread, int windows) {
		// in a short episode every window may say it and it is still the stretch's
		return windows >= 6 && spread > windows * MAX_SPREAD;
	}

	private static double idf(int windows, int spread) {
		return Math.log(1 + (double) windows / Math.max(1, spread));
	}

	/**
	 * One names the other: "GPT-4o" and "GPT-4o mini", "learning" and "deep learning".
	 */
	private static boolean overlaps(Candidate a, Candidate b) {
		String x = compact(a.key);
		String y = compact(b.key);
		return x.contains(y) || y.contains(x);
	}

	private static String compact(String key) {
		return Folding.fold(key).replace(" ", "").replace("-", "");
	}

	private String join(List<String> items) {
		if (this.chinese) {
			return String.join(this.traditional ? "與" : "与", items);
		}
		String title = (items.size() == 1) ? items.get(0) : items.get(0) + " and " + items.get(1);
		if (keepsItsCase(items.get(0))) {
			return title;
		}
		return title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
	}

	/**
	 * A topic name whose first word is written with a digit or a capital of its own
	 * (o3-mini, iPhone, 4o) is not capitalised at the start of a title; "deep learning"
	 * is.
	 */
	private boolean keepsItsCase(String item) {
		if (!this.topicTitles.contains(item)) {
			return false;
		}
		String first = item.split(" ", 2)[0];
		return Character.isLowerCase(first.charAt(0))
				&& first.chars().anyMatch((c) -> Character.isDigit(c) || Character.isUpperCase(c));
	}

	/**
	 * The name of a topic in the episode's language: its Chinese name where it has one.
	 */
	static String topicTitle(String language, String name, List<String> zhHant, List<String> zhHans) {
		if (language.startsWith("zh")) {
			List<String> names = language.equals("zh-Hant") ? zhHant : zhHans;
			if (!names.isEmpty()) {
				return names.get(0);
			}
		}
		return name;
	}

	/** "Embedding", not "GPT" or "OpenAI". */
	private static boolean startsPlainCapital(String name) {
		return name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1));
	}

	/**
	 * @param inner how it reads after the first item
	 * @param leads a topic prominent in the stretch: it comes first
	 */
	private record Candidate(String key, String title, String inner, double score, boolean leads) {
	}

}
