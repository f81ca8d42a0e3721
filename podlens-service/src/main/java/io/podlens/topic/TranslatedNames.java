package io.podlens.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.podlens.text.Folding;
import io.podlens.text.Token;

/**
 * Latin names of several words written in Chinese word for word, by meaning, as machine
 * translated captions (and sometimes speakers) write them: 开放人工智能 or 开放AI for OpenAI,
 * 聊天GPT for ChatGPT, 深度探索 for DeepSeek, 半分析 for SemiAnalysis. A name is split into words
 * (spaces, hyphens, case changes: Open + AI, Chat + GPT); each word is either kept in
 * Latin or rendered by one of its dictionary meanings
 * ({@code topics/name-word-translations.tsv}, written from the meanings, not from
 * transcripts); at least one word is translated. Names of one word are never read this
 * way (骆驼 is a camel before it is Llama). Guards, since such renderings are often
 * ordinary phrases (深度探索 is "deep exploration"):
 * <ul>
 * <li>a form that keeps a distinctive acronym of the name in Latin (聊天GPT) is found
 * before the exact layer, so the acronym is not read alone as another topic (GPT);</li>
 * <li>every other form (only a general term such as AI kept, or all in Chinese) needs the
 * topic named firmly elsewhere in the episode ({@code namedOften} times) and AI talk
 * around it;</li>
 * <li>a form broken over two caption lines (聊天 | GPT) joins only across a bare line
 * break, like the exact layer's names.</li>
 * </ul>
 * Mentions are {@code alias}: a written variant of the name, not a sound-alike.
 */
final class TranslatedNames {

	static final String RESOURCE = "topics/name-word-translations.tsv";

	/** Latin words too general to make a rendering distinctive. */
	private static final String RHYMES = "bcdegptvz";

	private static final Set<String> GENERAL = Set.of("ai", "ml", "llm", "api", "app", "lab", "labs");

	/** Confidence of a form keeping a distinctive acronym (聊天GPT): a middle band. */
	static final double DISTINCTIVE = 0.8;

	/** Confidence of a form that needs support (开放人工智能): the low band. */
	static final double SUPPORTED = 0.6;

	/** One rendering: token keys, the token counts where words end, and its strength. */
	record Form(Topic topic, List<String> keys, int[] wordEnds, boolean distinctive, Set<Integer> acronyms) {
	}

	private final Map<String, List<Form>> byFirstKey = new HashMap<>();

	private final MatchPolicy.Context context;

	/** Each topic with its ancestors: support for a family counts for its versions. */
	private final Map<String, List<Topic>> lineage = new HashMap<>();

	TranslatedNames(Taxonomy taxonomy, MatchPolicy policy) {
		this.context = policy.context();
		Map<String, List<String>> words = readWords();
		for (Topic topic : taxonomy.topics()) {
			if (!topic.category().isNamedEntity()) {
				continue;
			}
			List<Topic> line = new ArrayList<>();
			for (Topic t = topic; t != null && line.size() < 6; t = taxonomy.parent(t).orElse(null)) {
				line.add(t);
			}
			this.lineage.put(topic.id(), line);
			for (String name : topic.names()) {
				List<String> parts = words(name);
				if (parts.size() < 2 || parts.size() > 4) {
					continue;
				}
				forms(topic, parts, words, 0, new ArrayList<>(), new ArrayList<>(), new HashSet<>(), false, false);
			}
		}
	}

	/** Latin words of a name: spaces, hyphens and dots, then case changes. */
	static List<String> words(String name) {
		List<String> out = new ArrayList<>();
		for (String chunk : name.split("[\\s\\-_.]+")) {
			if (chunk.isEmpty()) {
				continue;
			}
			if (!chunk.chars().allMatch((c) -> c < 0x80 && Character.isLetterOrDigit(c))) {
				return List.of();
			}
			if (chunk.chars().anyMatch(Character::isDigit)) {
				// a version (R1, V3, 4o) is one token, kept as written
				out.add(chunk);
				continue;
			}
			for (String w : chunk.split("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) {
				out.add(w);
			}
		}
		return out;
	}

	private void forms(Topic topic, List<String> parts, Map<String, List<String>> words, int k, List<String> keys,
			List<Integer> ends, Set<Integer> acronyms, boolean translated, boolean keptDistinctive) {
		if (k == parts.size()) {
			if (translated) {
				int[] wordEnds = ends.stream().mapToInt(Integer::intValue).toArray();
				Form form = new Form(topic, List.copyOf(keys), wordEnds, keptDistinctive, Set.copyOf(acronyms));
				this.byFirstKey.computeIfAbsent(keys.get(0), (x) -> new ArrayList<>()).add(form);
			}
			return;
		}
		String word = parts.get(k);
		String lower = word.toLowerCase(Locale.ROOT);
		// kept in Latin: one token, its folded key
		keys.add(lower);
		ends.add(keys.size());
		boolean acronym = word.length() >= 2 && word.length() <= 5 && word.chars().allMatch(Character::isUpperCase);
		if (acronym) {
			acronyms.add(keys.size() - 1);
		}
		forms(topic, parts, words, k + 1, keys, ends, acronyms, translated,
				keptDistinctive || (acronym && !GENERAL.contains(lower)));
		acronyms.remove(keys.size() - 1);
		keys.remove(keys.size() - 1);
		ends.remove(ends.size() - 1);
		for (String rendering : words.getOrDefault(lower, List.of())) {
			int before = keys.size();
			for (int i = 0; i < rendering.length(); i++) {
				keys.add(String.valueOf(rendering.charAt(i)));
			}
			ends.add(keys.size());
			forms(topic, parts, words, k + 1, keys, ends, acronyms, true, keptDistinctive);
			ends.remove(ends.size() - 1);
			while (keys.size() > before) {
				keys.remove(keys.size() - 1);
			}
		}
	}

	private static Map<String, List<String>> readWords() {
		Map<String, List<String>> words = new HashMap<>();
		try (InputStream in = TranslatedNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing " + RESOURCE);
			}
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.split("\t");
				List<String> renderings = new ArrayList<>();
				for (String r : parts[1].strip().split("\\s+")) {
					// token keys are folded (Traditional to Simplified): one script is
					// enough
					renderings.add(Folding.fold(r));
				}
				words.put(parts[0].strip().toLowerCase(Locale.ROOT), renderings);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	/**
	 * Adds renderings to {@code accepted}: with {@code distinctiveOnly} those keeping a
	 * distinctive acronym (run before the exact layer), otherwise the rest, which need
	 * the topic named firmly elsewhere (run after the other exact and sound layers).
	 */
	void find(EpisodeState episode, List<Candidate> accepted, boolean distinctiveOnly) {
		if (this.byFirstKey.isEmpty()) {
			return;
		}
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			if (!seg.hanContext()) {
				continue;
			}
			List<Token> tokens = seg.tokens();
			for (int i = 0; i < tokens.size(); i++) {
				if (seg.covered(i)) {
					continue;
				}
				List<Form> forms = this.byFirstKey.get(tokens.get(i).key());
				if (forms == null) {
					continue;
				}
				Form best = null;
				for (Form form : forms) {
					if (form.distinctive() == distinctiveOnly
							&& matchesAt(seg, i, form.keys(), form.acronyms(), 0, form.keys().size())
							&& (best == null || form.keys().size() > best.keys().size()) && allowed(episode, s, form)) {
						best = form;
					}
				}
				if (best != null) {
					int to = i + best.keys().size();
					Candidate c = new Candidate(best.topic(), s, i, to, tokens.get(i).start(), tokens.get(to - 1).end(),
							MatchKind.ALIAS, confidence(best));
					accepted.add(c);
					episode.confirm(c);
					seg.cover(i, to);
					i = to - 1;
				}
				else if (i >= tokens.size() - 6 && s + 1 < episode.size()) {
					findAcross(episode, s, i, forms, distinctiveOnly, accepted);
				}
			}
		}
	}

	private double confidence(Form form) {
		return form.distinctive() ? DISTINCTIVE : SUPPORTED;
	}

	private boolean allowed(EpisodeState episode, int s, Form form) {
		if (form.distinctive()) {
			return true;
		}
		int support = 0;
		for (Topic t : this.lineage.getOrDefault(form.topic().id(), List.of(form.topic()))) {
			support = Math.max(support, episode.support(t));
		}
		return support >= this.context.namedOften() && episode.aiWindow(s) >= this.context.aiTalk();
	}

	/** The form's first words end segment s at token i, its other words begin s + 1. */
	private void findAcross(EpisodeState episode, int s, int i, List<Form> forms, boolean distinctiveOnly,
			List<Candidate> accepted) {
		EpisodeState.Segment a = episode.segment(s);
		EpisodeState.Segment b = episode.segment(s + 1);
		List<Token> ta = a.tokens();
		List<Token> tb = b.tokens();
		if (tb.isEmpty() || !a.text().substring(ta.get(ta.size() - 1).end()).isBlank()
				|| !b.text().substring(0, tb.get(0).start()).isBlank()) {
			return;
		}
		int head = ta.size() - i;
		for (Form form : forms) {
			if (form.distinctive() != distinctiveOnly || !endsAWord(form, head) || form.keys().size() - head > tb.size()
					|| !matchesAt(a, i, form.keys(), form.acronyms(), 0, head)
					|| !matchesAt(b, 0, form.keys(), form.acronyms(), head, form.keys().size())
					|| !allowed(episode, s, form)) {
				continue;
			}
			Candidate c = new Candidate(form.topic(), s, i, ta.size(), ta.get(i).start(), ta.get(ta.size() - 1).end(),
					MatchKind.ALIAS, confidence(form));
			accepted.add(c);
			episode.confirm(c);
			a.cover(i, ta.size());
			b.cover(0, form.keys().size() - head);
			return;
		}
	}

	private static boolean endsAWord(Form form, int tokens) {
		for (int end : form.wordEnds()) {
			if (end == tokens) {
				return end < form.keys().size();
			}
		}
		return false;
	}

	/**
	 * Whether keys[from, to) are the segment's tokens from token i on, uncovered; a Latin
	 * key must be a whole token and be followed by no letter or digit of the same run.
	 */
	private static boolean matchesAt(EpisodeState.Segment seg, int i, List<String> keys, Set<Integer> acronyms,
			int from, int to) {
		List<Token> tokens = seg.tokens();
		if (i + (to - from) > tokens.size()) {
			return false;
		}
		for (int k = from; k < to; k++) {
			int t = i + (k - from);
			if (seg.covered(t) || !(tokens.get(t).key().equals(keys.get(k)) || (acronyms.contains(k)
					&& tokens.get(t).hasLetter() && rhymes(tokens.get(t).key(), keys.get(k))))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An acronym heard as letter names: one letter replaced by one whose English name
	 * rhymes (the E-set b c d e g p t v z), as gbt for GPT.
	 */
	static boolean rhymes(String heard, String acronym) {
		if (heard.length() != acronym.length()) {
			return false;
		}
		int changed = 0;
		for (int i = 0; i < heard.length(); i++) {
			char a = heard.charAt(i);
			char b = acronym.charAt(i);
			if (a != b) {
				if (RHYMES.indexOf(a) < 0 || RHYMES.indexOf(b) < 0 || ++changed > 1) {
					return false;
				}
			}
		}
		return true;
	}

}
