package io.podlens.topic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.podlens.text.LatinSound;
import io.podlens.text.Token;
import io.podlens.text.Tokens;

/**
 * The last layer: versions of models and products, by a version grammar rather than a
 * list of spellings. From the taxonomy it learns each version's tail, what its name adds
 * to a name of one of its ancestors ({@code r1} of DeepSeek-R1 after DeepSeek, {@code 4o}
 * of GPT-4o after GPT, {@code o3mini} of o3-mini, a name that is a version by itself).
 * Then, over what the other layers found:
 * <ul>
 * <li>a mention of a family followed by the tail of one of its descendants is that
 * descendant ("gbt 4" found as GPT is GPT-4; "Claude" followed by a found "Sona 35" is
 * one mention of Claude 3.5 Sonnet); after a lab or company the version is a mention of
 * its own beside it ("open AI 03 mini");</li>
 * <li>a version after a mentioned version of the same family joined by "and", "or", "to",
 * "vs" is that family's version too ("Llama 2 and 3");</li>
 * <li>a bare tail of letters and digits ("R1", "V3", "o3 mini") is the version of a
 * family the talk around it names, or that the episode names firmly at least twice; when
 * two families fit equally, nothing is taken.</li>
 * </ul>
 * Spoken and misheard versions are read by rule: a leading zero is the letter o (numbers
 * do not start with zero: "03 mini" is o3-mini, "01 Pro" o1 pro), number words are digits
 * and "oh" is o ("four oh", "o three").
 */
final class ModelVersions {

	/** Most tokens a version tail is read from. */
	private static final int MAX_RUN = 3;

	private static final Set<String> JOINS = Set.of("and", "or", "to", "vs", "versus");

	/** A version number written with a "v" before it: v3, v2. */
	private static final Pattern VERSION_PREFIX = Pattern.compile("v\\d+");

	private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
			Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
			Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"),
			Map.entry("oh", "o"));

	/**
	 * A version: {@code tail} is the folded key its name adds to a name of {@code owner},
	 * one of its ancestors.
	 */
	record Version(Topic topic, String tail, String owner, Set<String> ancestors) {
	}

	private final Map<String, List<Version>> byTail = new HashMap<>();

	private final Map<String, List<Version>> byTopic = new HashMap<>();

	private final Map<String, Set<String>> ancestors;

	private final MatchPolicy.Versions policy;

	private final MatchPolicy.Context context;

	/**
	 * Families that own versions, by the sound-normalised spelling of their one-word
	 * Latin names ({@code lama} for Llama).
	 */
	private final Map<String, List<Topic>> familiesBySound = new HashMap<>();

	/** Fewest letters of a one-word family name read from a misspelling. */
	private static final int MIN_MISHEARD = 4;

	/** Words after a number that make it a quantity, not a version. */
	private static final Set<String> QUANTITIES = Set.of("year", "years", "month", "months", "week", "weeks", "day",
			"days", "hour", "hours", "minute", "minutes", "second", "seconds", "time", "times", "percent", "people",
			"thousand", "million", "billion", "dollar", "dollars", "server", "servers", "region", "regions", "provider",
			"providers", "x");

	/** Fewest letters of a family's sound read from a word a vowel away. */
	private static final int MIN_NEAR_SOUND = 5;

	ModelVersions(Taxonomy taxonomy, AliasIndex index, MatchPolicy policy) {
		this.policy = policy.versions();
		this.context = policy.context();
		this.ancestors = index.ancestors;
		for (Topic topic : taxonomy.topics()) {
			if (topic.category() != TopicCategory.MODEL && topic.category() != TopicCategory.PRODUCT) {
				continue;
			}
			Set<String> ancestors = index.ancestors.getOrDefault(topic.id(), Set.of());
			String parent = topic.parent();
			if (ancestors.isEmpty() || parent == null) {
				continue;
			}
			Set<String> seen = new LinkedHashSet<>();
			for (String name : topic.names()) {
				List<Token> tokens = Tokens.of(name);
				if (tokens.isEmpty() || tokens.stream().anyMatch(Token::han)) {
					continue;
				}
				// every cut after a name of an ancestor that leaves a version, and the
				// whole
				// name when it is a version by itself (o1, o3-mini)
				List<String[]> cuts = new ArrayList<>();
				if (tokens.get(0).hasDigit()) {
					cuts.add(new String[] { parent, tail(tokens, 0) });
				}
				StringBuilder prefix = new StringBuilder();
				for (int k = 0; k < tokens.size() - 1; k++) {
					prefix.append(tokens.get(k).key());
					for (AliasIndex.Entry entry : index.exact.getOrDefault(prefix.toString(), List.of())) {
						if (ancestors.contains(entry.topic().id())) {
							cuts.add(new String[] { entry.topic().id(), tail(tokens, k + 1) });
						}
					}
				}
				for (String[] cut : cuts) {
					String key = cut[1];
					if (key.chars().anyMatch(Character::isDigit) && seen.add(key)) {
						Version version = new Version(topic, key, cut[0], ancestors);
						this.byTail.computeIfAbsent(key, (k) -> new ArrayList<>()).add(version);
						this.byTopic.computeIfAbsent(topic.id(), (k) -> new ArrayList<>()).add(version);
					}
				}
			}
		}
		Set<String> owners = new LinkedHashSet<>();
		this.byTail.values().forEach((versions) -> versions.forEach((v) -> owners.add(v.owner())));
		for (Topic topic : taxonomy.topics()) {
			if (!owners.contains(topic.id())) {
				continue;
			}
			Set<String> sounds = new LinkedHashSet<>();
			for (String name : topic.names()) {
				List<Token> tokens = Tokens.of(name);
				if (tokens.size() == 1 && !tokens.get(0).han() && tokens.get(0).key().length() >= MIN_MISHEARD
						&& tokens.get(0).key().chars().allMatch(Character::isLetter)) {
					sounds.add(LatinSound.normalize(tokens.get(0).key()));
				}
			}
			sounds.forEach((sound) -> this.familiesBySound.computeIfAbsent(sound, (k) -> new ArrayList<>()).add(topic));
		}
	}

	private static String tail(List<Token> tokens, int from) {
		StringBuilder tail = new StringBuilder();
		for (Token token : tokens.subList(from, tokens.size())) {
			tail.append(token.key());
		}
		return tail.toString();
	}

	/** Rewrites and adds to {@code accepted}, the other layers' mentions. */
	void find(EpisodeState episode, List<Candidate> accepted) {
		accepted.sort(Comparator.comparingInt(Candidate::segment).thenComparingInt(Candidate::start));
		List<Candidate> out = new ArrayList<>(accepted.size());
		for (int i = 0; i < accepted.size(); i++) {
			Candidate c = accepted.get(i);
			EpisodeState.Segment seg = episode.segment(c.segment());
			Candidate next = (i + 1 < accepted.size()) ? accepted.get(i + 1) : null;
			if (next != null && next.segment() == c.segment() && next.tokenFrom() == c.tokenTo()
					&& c.topic().category() == TopicCategory.MODEL && isAncestor(c.topic(), next.topic())) {
				// "Claude" + "Sona 35": one mention of the version
				accepted.set(i + 1, new Candidate(next.topic(), c.segment(), c.tokenFrom(), next.tokenTo(), c.start(),
						next.end(), next.kind(), next.confidence()));
				continue;
			}
			Candidate inside = versionInside(seg, c);
			if (inside == null) {
				inside = hanSuffix(seg, c);
			}
			if (inside != null) {
				out.add(inside);
				continue;
			}
			Match after = versionAfter(seg, c.tokenTo(), (v) -> v.ancestors().contains(c.topic().id()), c);
			if (after != null) {
				seg.cover(c.tokenTo(), after.to());
				double confidence = after.normalized() ? Math.min(c.confidence(), this.policy.normalized())
						: c.confidence();
				if (c.topic().category() == TopicCategory.MODEL) {
					out.add(new Candidate(after.version().topic(), c.segment(), c.tokenFrom(), after.to(), c.start(),
							seg.token(after.to() - 1).end(), c.kind(), confidence));
				}
				else {
					out.add(c);
					out.add(new Candidate(after.version().topic(), c.segment(), c.tokenTo(), after.to(),
							seg.token(c.tokenTo()).start(), seg.token(after.to() - 1).end(),
							after.normalized() ? MatchKind.FUZZY : MatchKind.ALIAS, confidence));
				}
				continue;
			}
			out.add(c);
			Candidate joined = joinedVersion(seg, c);
			if (joined != null) {
				out.add(joined);
			}
		}
		for (Candidate c : out) {
			episode.confirmNearby(c);
		}
		for (int s = 0; s < episode.size(); s++) {
			misspelledFamily(episode, s, out);
		}
		for (int s = 0; s < episode.size(); s++) {
			bare(episode, s, out);
		}
		accepted.clear();
		accepted.addAll(out);
	}

	private boolean isAncestor(Topic family, Topic topic) {
		return topic != family && this.ancestors.getOrDefault(topic.id(), Set.of()).contains(family.id());
	}

	/** A tail read from tokens {@code from..}: which version, and where it ends. */
	record Match(Version version, int to, boolean normalized) {
	}

	private Match versionAfter(EpisodeState.Segment seg, int from, Predicate<Version> wanted, Candidate before) {
		List<Token> tokens = seg.tokens();
		if (from >= tokens.size() || !tokens.get(from).gapBefore()) {
			return null;
		}
		StringBuilder key = new StringBuilder();
		boolean normalized = false;
		Match best = null;
		int k = from;
		// "v3" is the family's version 3 ("Claude v3") unless a version's tail is "v3"
		// itself (DeepSeek-V3): the tail read as written is tried first.
		StringBuilder unprefixed = null;
		for (int steps = 0; k < tokens.size() && steps < MAX_RUN; steps++) {
			Step step = step(seg, k, from);
			if (step == null) {
				break;
			}
			normalized |= step.normalized();
			key.append(step.read());
			if (steps == 0 && VERSION_PREFIX.matcher(step.read()).matches()) {
				unprefixed = new StringBuilder(step.read().substring(1));
			}
			else if (unprefixed != null) {
				unprefixed.append(step.read());
			}
			k = step.to();
			Match found = match(key.toString(), k, normalized, wanted, before);
			if (found == null && unprefixed != null) {
				found = match(unprefixed.toString(), k, true, wanted, before);
			}
			if (found != null) {
				best = found;
			}
		}
		return best;
	}

	private Match match(String tail, int to, boolean normalized, Predicate<Version> wanted, Candidate before) {
		for (Version v : this.byTail.getOrDefault(tail, List.of())) {
			if (wanted.test(v) && (before == null || v.topic() != before.topic())) {
				return new Match(v, to, normalized);
			}
		}
		return null;
	}

	/** One word of a version tail: how it is read and the token after it. */
	record Step(String read, int to, boolean normalized) {
	}

	/**
	 * The word of a version tail at token {@code k} of a tail starting at {@code from}: a
	 * Latin token read by {@link #read}, or, after a Latin start, a Chinese version word
	 * ("03迷你" is o3-mini). Null where the tail cannot go on.
	 */
	static Step step(EpisodeState.Segment seg, int k, int from) {
		List<Token> tokens = seg.tokens();
		Token t = tokens.get(k);
		if (seg.covered(k)) {
			return null;
		}
		if (t.han()) {
			return (k == from) ? null : hanVersionWord(seg, k);
		}
		if (k > from && !t.gapBefore()) {
			return null;
		}
		String read = read(t.key(), k == from);
		return new Step(read, k + 1, !read.equals(t.key()));
	}

	/**
	 * Chinese words that stand for the Latin version words of model names, as Chinese
	 * writing and machine translation render them (迷你 is the established rendering of
	 * mini; 专业版 "professional edition" of Pro, 轻量版 "light edition" of Lite). Keys are
	 * folded, so Traditional forms (專業版, 輕量版) read the same. Only read after a Latin
	 * token of the tail, never alone.
	 */
	private static final Map<String, String> HAN_VERSION_WORDS = Map.of("迷你", "mini", "专业版", "pro", "轻量版", "lite");

	private static Step hanVersionWord(EpisodeState.Segment seg, int k) {
		List<Token> tokens = seg.tokens();
		StringBuilder han = new StringBuilder();
		for (int j = k; j < tokens.size() && j < k + 3 && tokens.get(j).han() && !seg.covered(j); j++) {
			han.append(tokens.get(j).key());
			String latin = HAN_VERSION_WORDS.get(han.toString());
			if (latin != null) {
				return new Step(latin, j + 1, true);
			}
		}
		return null;
	}

	/**
	 * A fuzzy mention whose own span ends in a version: the family or version it was
	 * taken for, read at the version its span says ("gbt 4" taken for GPT or for GPT-4o
	 * is GPT-4, as is "gp4").
	 */
	private Candidate versionInside(EpisodeState.Segment seg, Candidate c) {
		if (c.kind() != MatchKind.FUZZY && c.kind() != MatchKind.PHONETIC) {
			return null;
		}
		List<Version> own = this.byTopic.getOrDefault(c.topic().id(), List.of());
		Set<String> families = new LinkedHashSet<>();
		families.add(c.topic().id());
		own.forEach((v) -> families.add(v.owner()));
		List<String> tails = new ArrayList<>();
		for (int cut = c.tokenFrom() + 1; cut < c.tokenTo(); cut++) {
			StringBuilder key = new StringBuilder();
			for (int k = cut; k < c.tokenTo(); k++) {
				key.append(read(seg.token(k).key(), k == cut));
			}
			tails.add(key.toString());
		}
		String last = seg.token(c.tokenTo() - 1).key();
		for (int i = 1; i < last.length(); i++) {
			if (Character.isDigit(last.charAt(i)) && Character.isLetter(last.charAt(i - 1))) {
				// "gp4": the letters are the family, the rest the version
				tails.add(last.substring(i));
				break;
			}
		}
		for (String tail : tails) {
			if (own.stream().anyMatch((v) -> v.tail().equals(tail))) {
				return null;
			}
			for (Version v : this.byTail.getOrDefault(tail, List.of())) {
				if (v.topic() != c.topic()
						&& (families.contains(v.owner()) || v.ancestors().contains(c.topic().id()))) {
					return new Candidate(v.topic(), c.segment(), c.tokenFrom(), c.tokenTo(), c.start(), c.end(),
							c.kind(), c.confidence());
				}
			}
		}
		return null;
	}

	/**
	 * A model followed by a Chinese version word ("o3迷你" found as o3 is o3-mini): the
	 * version whose tail is the model's own tokens, or their end, read with the word.
	 */
	private Candidate hanSuffix(EpisodeState.Segment seg, Candidate c) {
		int after = c.tokenTo();
		if (c.topic().category() != TopicCategory.MODEL || after >= seg.tokens().size() || !seg.token(after).han()
				|| seg.token(after - 1).han()) {
			return null;
		}
		Step word = hanVersionWord(seg, after);
		if (word == null) {
			return null;
		}
		for (int cut = c.tokenFrom(); cut < after; cut++) {
			StringBuilder key = new StringBuilder();
			for (int k = cut; k < after; k++) {
				key.append(read(seg.token(k).key(), k == cut));
			}
			key.append(word.read());
			for (Version v : this.byTail.getOrDefault(key.toString(), List.of())) {
				// the whole name read with the word may be a sibling (o3 + 专业版 is o3-pro)
				boolean sibling = cut == c.tokenFrom()
						&& !Collections.disjoint(v.ancestors(), this.ancestors.getOrDefault(c.topic().id(), Set.of()));
				if (v.topic() != c.topic() && (v.ancestors().contains(c.topic().id()) || sibling)) {
					seg.cover(after, word.to());
					return new Candidate(v.topic(), c.segment(), c.tokenFrom(), word.to(), c.start(),
							seg.token(word.to() - 1).end(), c.kind(),
							Math.min(c.confidence(), this.policy.normalized()));
				}
			}
		}
		return null;
	}

	/** "Llama 2 and 3": the family's version after a join word. */
	private Candidate joinedVersion(EpisodeState.Segment seg, Candidate c) {
		List<Version> own = this.byTopic.get(c.topic().id());
		int join = c.tokenTo();
		// the version after the join must be written with a digit: "and four of them"
		// is no version
		if (own == null || join + 1 >= seg.tokens().size() || seg.token(join).han()
				|| !JOINS.contains(seg.token(join).key()) || seg.covered(join) || seg.token(join + 1).han()
				|| !Character.isDigit(seg.token(join + 1).key().charAt(0))) {
			return null;
		}
		Set<String> owners = new LinkedHashSet<>();
		own.forEach((v) -> owners.add(v.owner()));
		Match m = versionAfter(seg, join + 1, (v) -> owners.contains(v.owner()) && !v.topic().equals(c.topic()), c);
		if (m == null) {
			return null;
		}
		seg.cover(join + 1, m.to());
		return new Candidate(m.version().topic(), c.segment(), join + 1, m.to(), seg.token(join + 1).start(),
				seg.token(m.to() - 1).end(), m.normalized() ? MatchKind.FUZZY : MatchKind.ALIAS,
				Math.min(c.confidence(), this.policy.joined()));
	}

	/**
	 * "Lama 2": a Latin word that no layer took, spelled differently from a family's
	 * one-word name but normalised to the same sound, is that family only when one of its
	 * versions written with a digit follows. Guards: the family or one of its versions is
	 * named elsewhere in the episode, the talk is about AI, and no other family sounds
	 * the same.
	 */
	private void misspelledFamily(EpisodeState episode, int s, List<Candidate> out) {
		EpisodeState.Segment seg = episode.segment(s);
		List<Token> tokens = seg.tokens();
		for (int i = 0; i + 1 < tokens.size(); i++) {
			Token t = tokens.get(i);
			Token next = tokens.get(i + 1);
			if (t.han() || next.han() || seg.covered(i) || t.key().length() < MIN_MISHEARD
					|| !t.key().chars().allMatch(Character::isLetter)
					|| next.key().chars().noneMatch(Character::isDigit)) {
				continue;
			}
			String sound = LatinSound.normalize(t.key());
			List<Topic> families = this.familiesBySound.get(sound);
			boolean near = families == null;
			if (near) {
				families = nearSound(sound);
			}
			// A word a vowel away from the family ("cloud 3" for Claude 3) only where the
			// episode names the family, its versions or its maker.
			if (families.size() != 1 || (near && !namedWithMaker(episode, families.get(0))) || episode
				.aiWindow(s) < (named(episode, families.get(0)) ? this.context.aiTalk() : this.context.denseAiTalk())) {
				continue;
			}
			Topic family = families.get(0);
			Match m = versionAfter(seg, i + 1, (v) -> v.owner().equals(family.id()), null);
			if (m == null || (near && m.to() < tokens.size() && QUANTITIES.contains(tokens.get(m.to()).key()))) {
				// "the cloud 3 years ago": a number before a unit is a quantity
				continue;
			}
			seg.cover(i, m.to());
			Candidate c = new Candidate(m.version().topic(), s, i, m.to(), t.start(), tokens.get(m.to() - 1).end(),
					MatchKind.FUZZY, this.policy.normalized());
			out.add(c);
			episode.confirmNearby(c);
			i = m.to() - 1;
		}
	}

	/**
	 * Families whose one-word name sounds like {@code sound} but for one vowel, both of
	 * at least {@link #MIN_NEAR_SOUND} letters and with the same consonants in the same
	 * places ("kloud" and "klaud"): how speech recognition writes a name as a common
	 * word.
	 */
	private List<Topic> nearSound(String sound) {
		if (sound.length() < MIN_NEAR_SOUND) {
			return List.of();
		}
		List<Topic> near = new ArrayList<>();
		this.familiesBySound.forEach((family, topics) -> {
			if (family.length() == sound.length() && oneVowelApart(family, sound)) {
				near.addAll(topics);
			}
		});
		return near;
	}

	private static boolean oneVowelApart(String a, String b) {
		int differences = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				if (!isVowel(a.charAt(i)) || !isVowel(b.charAt(i)) || ++differences > 1) {
					return false;
				}
			}
		}
		return differences == 1;
	}

	private static boolean isVowel(char c) {
		return "aeiou".indexOf(c) >= 0;
	}

	/** Whether the episode names {@code family}, one of its versions or its parent. */
	private boolean namedWithMaker(EpisodeState episode, Topic family) {
		return named(episode, family) || (family.parent() != null && episode.support(family.parent()) > 0);
	}

	/** Whether the episode names {@code family} or one of its versions. */
	private boolean named(EpisodeState episode, Topic family) {
		if (episode.support(family) > 0) {
			return true;
		}
		for (List<Version> versions : this.byTopic.values()) {
			for (Version v : versions) {
				if (v.owner().equals(family.id()) && episode.support(v.topic()) > 0) {
					return true;
				}
			}
		}
		return false;
	}

	/** Bare tails in segment {@code s} that the talk around resolves to one version. */
	private void bare(EpisodeState episode, int s, List<Candidate> out) {
		EpisodeState.Segment seg = episode.segment(s);
		List<Token> tokens = seg.tokens();
		for (int i = 0; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			if (t.han() || seg.covered(i) || !startsVersion(tokens, i)) {
				continue;
			}
			if (i > 0 && !tokens.get(i - 1).han() && tokens.get(i).gapBefore() && !seg.covered(i - 1)
					&& tokens.get(i - 1).capitalized() && !CommonWords.isWord(tokens.get(i - 1).key())) {
				// a capitalised unknown word before it is the family: not ours to guess
				continue;
			}
			StringBuilder key = new StringBuilder();
			boolean normalized = false;
			boolean spoken = false;
			int bestTo = -1;
			Version best = null;
			boolean bestNormalized = false;
			int k = i;
			for (int steps = 0; k < tokens.size() && steps < MAX_RUN; steps++) {
				Token u = tokens.get(k);
				Step step = step(seg, k, i);
				if (step == null) {
					break;
				}
				normalized |= step.normalized();
				spoken |= !u.han() && NUMBER_WORDS.containsKey(u.key());
				key.append(step.read());
				k = step.to();
				String tail = key.toString();
				if (tail.length() < 2 || tail.chars().noneMatch(Character::isLetter)
						|| tail.chars().noneMatch(Character::isDigit)) {
					continue;
				}
				Version v = resolve(episode, s, this.byTail.getOrDefault(tail, List.of()), spoken);
				if (v != null) {
					best = v;
					bestTo = k;
					bestNormalized = normalized;
				}
			}
			if (best != null) {
				Candidate c = new Candidate(best.topic(), s, i, bestTo, t.start(), tokens.get(bestTo - 1).end(),
						bestNormalized ? MatchKind.FUZZY : MatchKind.ALIAS,
						bestNormalized ? this.policy.bareNormalized() : this.policy.bare());
				seg.cover(i, bestTo);
				out.add(c);
				episode.confirmNearby(c);
				i = bestTo - 1;
			}
		}
	}

	private static boolean startsVersion(List<Token> tokens, int i) {
		String key = tokens.get(i).key();
		if (Character.isDigit(key.charAt(0)) || key.chars().anyMatch(Character::isDigit) && key.length() <= 4) {
			return true;
		}
		// "o three", "oh three", "four oh"
		if (i + 1 >= tokens.size() || !tokens.get(i + 1).gapBefore() || tokens.get(i + 1).han()) {
			return false;
		}
		String next = tokens.get(i + 1).key();
		boolean o = key.equals("o") || key.equals("oh");
		boolean number = NUMBER_WORDS.containsKey(key) && !key.equals("oh");
		return (o && NUMBER_WORDS.containsKey(next) && !next.equals("oh"))
				|| (number && (next.equals("o") || next.equals("oh")));
	}

	/**
	 * The one version among {@code versions} whose family the talk names: a family named
	 * within the context window counts more than one named firmly elsewhere in the
	 * episode. Null when none or when two different versions fit equally.
	 */
	private Version resolve(EpisodeState episode, int s, List<Version> versions, boolean spoken) {
		Version best = null;
		int bestScore = 0;
		boolean tie = false;
		for (Version v : versions) {
			int score = 0;
			for (String a : v.ancestors()) {
				if (episode.topicNear(s, a)) {
					score = Math.max(score, 2);
				}
				else if (episode.support(a) >= this.policy.namedElsewhere()) {
					score = Math.max(score, 1);
				}
			}
			if (spoken && score < 2) {
				// a version in words ("o three") needs its family close by
				score = 0;
			}
			if (score > bestScore) {
				best = v;
				bestScore = score;
				tie = false;
			}
			else if (score == bestScore && score > 0 && best != null && best.topic() != v.topic()) {
				tie = true;
			}
		}
		return tie ? null : best;
	}

	/**
	 * A token of a version as it is meant: a leading zero before a digit is the letter o
	 * (only at the start of a tail), number words are digits, "oh" is o.
	 */
	static String read(String key, boolean first) {
		if (first && key.length() >= 2 && key.charAt(0) == '0' && Character.isDigit(key.charAt(1))) {
			return "o" + key.substring(1);
		}
		return NUMBER_WORDS.getOrDefault(key, key);
	}

}
