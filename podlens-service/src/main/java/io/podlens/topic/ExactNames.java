package io.podlens.topic;

import io.podlens.text.Folding;
import io.podlens.text.LatinSound;
import io.podlens.text.Token;
import io.podlens.text.Tokens;
import io.podlens.text.WordLists;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first layer: names and aliases as written, folded for case, width and script,
 * longest first. A form that is also an ordinary word ("Bard", "Meta") is kept only when
 * it looks like a name and the talk is about AI, or sits beside the topic's own cues in
 * an episode that names the topic elsewhere. A single-word form of a topic flagged
 * ambiguous ("Apple", "Claude") must moreover be written exactly as listed (case
 * included; in Chinese text also in lower case) or have one of the topic's own cues
 * nearby; a short Chinese name of such a topic (苹果) is judged like an ordinary word. A
 * one-word form gives way to the later layers where the words after it spell a longer
 * name by sound: a product named after its maker ("Amazon Bayrock" is Amazon Bedrock, as
 * "Amazon Bedrock" would be), or an ordinary-word name followed by a version another name
 * has ("Dolly 3" is DALL-E 3, Dolly has no version 3).
 */
final class ExactNames {

	private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

	private final AliasIndex index;

	private final MatchPolicy.Exact policy;

	private final MatchPolicy.Context context;

	/** Latin names of two or more tokens, by the key of their first token. */
	private final Map<String, List<AliasIndex.LatinName>> byFirstToken = new HashMap<>();

	/** Latin names ending in a number, by that number. */
	private final Map<String, List<AliasIndex.LatinName>> byVersion = new HashMap<>();

	ExactNames(AliasIndex index, MatchPolicy policy) {
		this.index = index;
		this.policy = policy.exact();
		this.context = policy.context();
		for (AliasIndex.LatinName name : index.latin) {
			List<Token> tokens = Tokens.of(name.written());
			if (tokens.size() >= 2) {
				this.byFirstToken.computeIfAbsent(tokens.get(0).key(), (k) -> new ArrayList<>()).add(name);
				String last = tokens.get(tokens.size() - 1).key();
				if (last.chars().allMatch(Character::isDigit) && !name.head().isEmpty()) {
					this.byVersion.computeIfAbsent(last, (k) -> new ArrayList<>()).add(name);
				}
			}
		}
	}

	/**
	 * Adds the episode's exact mentions to {@code accepted}, confirms them and covers
	 * their tokens, then fixes the episode's AI cue counts.
	 */
	void find(EpisodeState episode, List<Candidate> accepted) {
		List<Candidate> ambiguous = new ArrayList<>();
		// ambiguous forms that also need a cue, by identity (a candidate's hash would
		// cover its topic's lists); flagged forms that need only a cue, in text order
		Set<Candidate> alsoCue = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Candidate> needCue = new ArrayList<>();
		for (int s = 0; s + 1 < episode.size(); s++) {
			findAcross(episode, s, accepted);
		}
		for (int s = 0; s < episode.size(); s++) {
			findInSegment(episode, s, accepted, ambiguous, alsoCue, needCue);
		}
		// counted here, so that the cues include only unambiguous names
		episode.countCues();
		List<Candidate> doubted = new ArrayList<>();
		for (Candidate candidate : ambiguous) {
			if ((believable(episode, candidate)
					&& (!alsoCue.contains(candidate) || episode.topicCueNear(candidate.segment(), candidate.topic())))
					|| lowerCaseNameOfTheEpisode(episode, candidate)) {
				accepted.add(candidate);
				episode.confirm(candidate);
			}
			else if (!alsoCue.contains(candidate)) {
				doubted.add(candidate);
			}
		}
		for (Candidate candidate : doubted) {
			if (nameOfTheEpisode(episode, candidate)) {
				accepted.add(candidate);
				episode.confirm(candidate);
			}
		}
		for (Candidate candidate : needCue) {
			if (episode.topicCueNear(candidate.segment(), candidate.topic()) && (!lowerCaseWord(episode, candidate)
					|| episode.specificCueNear(candidate.segment(), candidate.topic()))) {
				accepted.add(candidate);
				episode.confirm(candidate);
			}
		}
	}

	private void findInSegment(EpisodeState episode, int s, List<Candidate> accepted, List<Candidate> ambiguous,
			Set<Candidate> alsoCue, List<Candidate> needCue) {
		EpisodeState.Segment seg = episode.segment(s);
		List<Token> tokens = seg.tokens();
		for (int i = 0; i < tokens.size();) {
			if (seg.covered(i)) {
				i++;
				continue;
			}
			StringBuilder key = new StringBuilder();
			int bestEnd = -1;
			List<AliasIndex.Entry> best = null;
			for (int j = i; j < tokens.size() && j < i + this.index.maxTokens; j++) {
				if ((j > i && !tokens.get(j).gapBefore()) || seg.covered(j) || seg.possessive(j)) {
					break;
				}
				key.append(tokens.get(j).key());
				List<AliasIndex.Entry> entries = this.index.exact.get(key.toString());
				if (entries != null && !seg.continuesVersion(j + 1)) {
					bestEnd = j;
					best = entries;
				}
			}
			if (best == null && pluralAcronym(seg, i)) {
				// AMDs, GPUs, H100s: the plural of a name in capitals is the name
				String key1 = tokens.get(i).key();
				best = this.index.exact.get(key1.substring(0, key1.length() - 1));
				bestEnd = i;
			}
			if (best == null) {
				i++;
				continue;
			}
			AliasIndex.Entry entry = pick(best);
			boolean caps = tokens.get(i).capitalized() || tokens.get(i).allCaps();
			// recognisers write short brand names in lower case inside Chinese (xai,
			// amd): such a form is judged as an ambiguous one, never an English word
			boolean lowerInChinese = entry.requireCaps() && !caps && lowerCaseNameInChinese(seg, i, bestEnd);
			if ((entry.requireCaps() && !caps && !lowerInChinese)
					|| (bestEnd == i && leadsIntoLongerName(seg, i, entry))) {
				i++;
				continue;
			}
			Candidate candidate = new Candidate(entry.topic(), s, i, bestEnd + 1, tokens.get(i).start(),
					tokens.get(bestEnd).end(), entry.kind(), confidence(entry));
			// The flag adds to whatever else the form needs: in Latin script a cue unless
			// written as listed; Chinese has no case, so there the talk around must be
			// about AI or name a cue, as for an ordinary English word.
			boolean han = tokens.get(i).han();
			boolean cueNeeded = (entry.ordinary() || splitAtAFunctionWord(seg, i, bestEnd, entry)) && !han
					&& !writtenAsListed(seg, i, bestEnd, entry.topic(), best);
			if (entry.ambiguous() || (entry.ordinary() && han) || lowerInChinese) {
				ambiguous.add(candidate);
				if (cueNeeded) {
					alsoCue.add(candidate);
				}
			}
			else if (cueNeeded) {
				needCue.add(candidate);
			}
			else {
				accepted.add(candidate);
				episode.confirm(candidate);
			}
			seg.cover(i, bestEnd + 1);
			i = bestEnd + 1;
		}
	}

	/**
	 * Whether a name written as one word ("WeChat") is read here from separate words, the
	 * first an English function word ("we chat more"): ordinary speech until a cue of the
	 * topic says otherwise.
	 */
	private static boolean splitAtAFunctionWord(EpisodeState.Segment seg, int i, int bestEnd, AliasIndex.Entry entry) {
		return bestEnd > i && entry.written().chars().noneMatch((c) -> Character.isWhitespace(c) || c == '-')
				&& WordLists.STOPWORDS.contains(seg.token(i).key());
	}

	/**
	 * A single lower-case Latin token of three letters or more inside Chinese text that
	 * is no English word: a name whose capitals the recogniser dropped.
	 */
	private static boolean lowerCaseNameInChinese(EpisodeState.Segment seg, int i, int end) {
		Token t = seg.token(i);
		return end == i && seg.hanContext() && t.key().length() >= 3 && t.key().chars().allMatch(Character::isLetter)
				&& !CommonWords.isWord(t.key());
	}

	/** A token of capitals (and digits) with a lower-case plural s: "AMDs", "H100s". */
	private static boolean pluralAcronym(EpisodeState.Segment seg, int i) {
		Token t = seg.token(i);
		String raw = seg.text().substring(t.start(), t.end());
		if (t.han() || raw.length() < 3 || raw.charAt(raw.length() - 1) != 's') {
			return false;
		}
		for (int k = 0; k < raw.length() - 1; k++) {
			char c = raw.charAt(k);
			if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
				return false;
			}
		}
		return Character.isLetter(raw.charAt(0));
	}

	/**
	 * A Latin name of several tokens that one segment ends and the next begins: rolling
	 * captions break lines anywhere, so "deep" | "seek R1" is DeepSeek-R1 and "chat" |
	 * "GPT" is ChatGPT, not GPT. The mention is where the name begins (its surface is the
	 * part in that segment); the rest is taken so no shorter name is read there. Only
	 * forms that need no context (no ordinary words, no short capitals) are joined, and
	 * only across a bare line break (no sentence end before it).
	 */
	private void findAcross(EpisodeState episode, int s, List<Candidate> accepted) {
		EpisodeState.Segment a = episode.segment(s);
		EpisodeState.Segment b = episode.segment(s + 1);
		List<Token> ta = a.tokens();
		List<Token> tb = b.tokens();
		if (ta.isEmpty() || tb.isEmpty() || !a.text().substring(ta.get(ta.size() - 1).end()).isBlank()
				|| !b.text().substring(0, tb.get(0).start()).isBlank()) {
			return;
		}
		int bestFrom = -1;
		int bestTo = -1;
		List<AliasIndex.Entry> best = null;
		for (int from = ta.size() - 1; from >= 0 && from > ta.size() - this.index.maxTokens; from--) {
			Token t = ta.get(from);
			if (t.han() || a.covered(from) || (from < ta.size() - 1 && !ta.get(from + 1).gapBefore())) {
				break;
			}
			StringBuilder head = new StringBuilder();
			for (int k = from; k < ta.size(); k++) {
				head.append(ta.get(k).key());
			}
			StringBuilder key = new StringBuilder(head);
			for (int to = 0; to < tb.size() && (ta.size() - from) + to < this.index.maxTokens; to++) {
				Token u = tb.get(to);
				if (u.han() || b.covered(to) || (to > 0 && !u.gapBefore())) {
					break;
				}
				key.append(u.key());
				List<AliasIndex.Entry> entries = this.index.exact.get(key.toString());
				if (entries != null && !b.continuesVersion(to + 1)
						&& (best == null || (ta.size() - from) + to + 1 > (ta.size() - bestFrom) + bestTo + 1)) {
					bestFrom = from;
					bestTo = to;
					best = entries;
				}
			}
		}
		if (best == null) {
			return;
		}
		AliasIndex.Entry entry = pick(best);
		if (entry.ambiguous() || entry.ordinary() || entry.requireCaps()) {
			return;
		}
		Candidate first = new Candidate(entry.topic(), s, bestFrom, ta.size(), ta.get(bestFrom).start(),
				ta.get(ta.size() - 1).end(), entry.kind(), confidence(entry));
		accepted.add(first);
		episode.confirm(first);
		a.cover(bestFrom, ta.size());
		b.cover(0, bestTo + 1);
	}

	/**
	 * Whether the one-token Latin form at {@code i} begins a longer name of another topic
	 * that the following tokens spell by sound: a name of a descendant that starts with
	 * the form (its maker's name), or, for a form that is an ordinary word, a versioned
	 * name whose version follows and whose head sounds like the form.
	 */
	private boolean leadsIntoLongerName(EpisodeState.Segment seg, int i, AliasIndex.Entry entry) {
		Token token = seg.token(i);
		if (token.han() || i + 1 >= seg.tokens().size()) {
			return false;
		}
		Token next = seg.token(i + 1);
		if (next.han() || !next.gapBefore()) {
			return false;
		}
		String head = LatinSound.normalize(token.key());
		for (AliasIndex.LatinName name : this.byFirstToken.getOrDefault(token.key(), List.of())) {
			if (name.topic() == entry.topic()
					|| !this.index.ancestors.get(name.topic().id()).contains(entry.topic().id())) {
				continue;
			}
			StringBuilder rest = new StringBuilder();
			for (int k = i + 1; k < seg.tokens().size() && k < i + name.tokens(); k++) {
				Token t = seg.token(k);
				if (t.han() || !t.gapBefore()) {
					break;
				}
				rest.append(LatinSound.normalize(t.key()));
			}
			String wanted = name.normalized().startsWith(head) ? name.normalized().substring(head.length()) : "";
			int length = Math.max(rest.length(), wanted.length());
			if (wanted.length() >= 3 && rest.length() >= 3 && LatinSound.sameStart(rest.toString(), wanted, false)
					&& LatinSound.SOUND.distance(rest.toString(), wanted) <= FuzzyLimits.strict(length)) {
				return true;
			}
		}
		if (!(entry.ambiguous() || entry.ordinary()) || !next.key().chars().allMatch(Character::isDigit)) {
			return false;
		}
		for (AliasIndex.LatinName name : this.byVersion.getOrDefault(next.key(), List.of())) {
			int length = Math.max(head.length(), name.head().length());
			if (name.topic() != entry.topic() && LatinSound.sameStart(head, name.head(), false)
					&& (LatinSound.skeleton(head).equals(LatinSound.skeleton(name.head()))
							|| LatinSound.SOUND.distance(head, name.head()) <= FuzzyLimits.strict(length))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether Latin tokens {@code from..to} are one of the topic's forms with this key
	 * exactly as listed, case included (width and accents aside), or, inside Chinese
	 * text, where recognisers write English names in lower case, that form in lower case.
	 */
	private static boolean writtenAsListed(EpisodeState.Segment seg, int from, int to, Topic topic,
			List<AliasIndex.Entry> forms) {
		String surface = plain(seg.text().substring(seg.token(from).start(), seg.token(to).end()));
		if (seg.hanContext() && surface.equals(surface.toLowerCase(Locale.ROOT))) {
			return true;
		}
		for (AliasIndex.Entry form : forms) {
			if (form.topic() == topic && plain(form.written()).equals(surface)) {
				return true;
			}
		}
		return false;
	}

	private static String plain(String text) {
		return ACCENTS.matcher(Normalizer.normalize(Folding.width(text), Normalizer.Form.NFD)).replaceAll("");
	}

	/**
	 * Whether the form is an English word written in lower case in Latin-script text
	 * ("replicate", "perplexity"): there the verb or noun is the likelier reading, so a
	 * general cue ("models") is not enough, only a cue this topic has.
	 */
	private static boolean lowerCaseWord(EpisodeState episode, Candidate candidate) {
		EpisodeState.Segment seg = episode.segment(candidate.segment());
		String surface = seg.text().substring(candidate.start(), candidate.end());
		return !seg.hanContext() && candidate.tokenTo() - candidate.tokenFrom() == 1
				&& surface.equals(surface.toLowerCase(Locale.ROOT))
				&& CommonWords.isWord(seg.token(candidate.tokenFrom()).key());
	}

	/** The topic's own name wins over another topic's alias with the same key. */
	private static AliasIndex.Entry pick(List<AliasIndex.Entry> entries) {
		for (AliasIndex.Entry entry : entries) {
			if (entry.kind() == MatchKind.EXACT) {
				return entry;
			}
		}
		return entries.get(0);
	}

	private double confidence(AliasIndex.Entry entry) {
		if (entry.kind() == MatchKind.ALIAS) {
			return entry.ambiguous() ? this.policy.ambiguousAlias() : this.policy.alias();
		}
		return entry.ambiguous() ? this.policy.ambiguousName() : this.policy.name();
	}

	/**
	 * Whether a flagged form that its own surroundings do not support is still the topic:
	 * written as listed, case included, capitalised in the middle of a sentence of
	 * Latin-script text (not at its start, where any word is capitalised), in an episode
	 * that already names the topic, believed by context, at least {@code namedOften}
	 * times ("Python" in a stretch about courses and programs, after Python was taken
	 * among AI cues twice).
	 */
	private boolean nameOfTheEpisode(EpisodeState episode, Candidate candidate) {
		EpisodeState.Segment seg = episode.segment(candidate.segment());
		int from = candidate.tokenFrom();
		if (seg.hanContext() || from == 0 || !seg.token(from).capitalized()
				|| episode.support(candidate.topic()) < this.context.namedOften()) {
			return false;
		}
		String before = seg.text().substring(0, seg.token(from).start()).stripTrailing();
		if (before.isEmpty()) {
			return false;
		}
		char last = before.charAt(before.length() - 1);
		return last != '.' && last != '!' && last != '?' && last != ':' && last != '"' && last != '\u201C';
	}

	/**
	 * Whether a flagged form written in lower case in Latin-script text ("llama", as auto
	 * captions write every name) is the topic all the same: the episode names the topic
	 * or the topics under it firmly at least {@link CutNames#MIN_SUPPORT} times (Llama 3
	 * twice and Llama once) and the talk around is about AI.
	 */
	private boolean lowerCaseNameOfTheEpisode(EpisodeState episode, Candidate candidate) {
		EpisodeState.Segment seg = episode.segment(candidate.segment());
		String surface = seg.text().substring(candidate.start(), candidate.end());
		return !seg.hanContext() && candidate.tokenTo() - candidate.tokenFrom() == 1
				&& surface.equals(surface.toLowerCase(Locale.ROOT))
				&& episode.familySupport(candidate.topic()) >= CutNames.MIN_SUPPORT
				&& episode.aiWindow(candidate.segment()) >= this.context.aiTalk();
	}

	/**
	 * Whether an ambiguous form is the topic. In lower-case captions an ordinary-looking
	 * form counts only beside the topic's own cues in an episode that names the topic
	 * unambiguously elsewhere.
	 */
	private boolean believable(EpisodeState episode, Candidate candidate) {
		EpisodeState.Segment seg = episode.segment(candidate.segment());
		Token first = seg.token(candidate.tokenFrom());
		boolean nameLike = first.capitalized() || first.allCaps() || seg.hanContext();
		boolean cue = episode.topicCueNear(candidate.segment(), candidate.topic());
		return (nameLike && (cue || episode.aiWindow(candidate.segment()) >= this.context.denseAiTalk()))
				|| (cue && episode.support(candidate.topic()) >= this.context.namedElsewhere());
	}

}
