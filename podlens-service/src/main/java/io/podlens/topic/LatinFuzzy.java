package io.podlens.topic;

import io.podlens.text.Token;
import io.podlens.text.Tokens;
import io.podlens.text.LatinSound;
import io.podlens.text.WordLists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last layer: spans of up to a few Latin tokens the other layers left, compared by
 * sound with the taxonomy's Latin names (Camellion for Chameleon, GBT-4O for GPT-4o,
 * Mixro 8707B for Mixtral 8x7B). Most spans in English text are ordinary words, so the
 * cheap rejections come before the sound distance; the longest, closest span wins. Guards
 * ({@link MatchPolicy.Guards}): a span's function words and fillers must be words of the
 * name ("scale um" is not Scale AI); a span made only of English words or given names
 * ("Train", "billion", "Leon") needs the topic's context cue unless its capitals are the
 * name's; short names, persons and spans shorter than the name need the cue or a firm
 * mention of the topic in the episode.
 */
final class LatinFuzzy {

	private final MatchPolicy.Latin policy;

	private final MatchPolicy.Context context;

	private final MatchPolicy.Guards guards;

	/** Each name's tokens as folded keys, by identity of the name. */
	private final Map<AliasIndex.LatinName, Set<String>> nameTokens = new IdentityHashMap<>();

	private final Map<Character, List<AliasIndex.LatinName>> byStart = new HashMap<>();

	/** Names worth comparing with a span, by the span's first letter; filled lazily. */
	private final Map<Character, List<AliasIndex.LatinName>> bySoundOfStart = new ConcurrentHashMap<>();

	LatinFuzzy(AliasIndex index, MatchPolicy policy) {
		this.policy = policy.latin();
		this.context = policy.context();
		this.guards = policy.guards();
		for (AliasIndex.LatinName name : index.latin) {
			Set<String> keys = new HashSet<>();
			for (Token token : Tokens.of(name.written())) {
				keys.add(token.key());
			}
			this.nameTokens.put(name, keys);
			if (!name.normalized().isEmpty()) {
				this.byStart.computeIfAbsent(name.normalized().charAt(0), (k) -> new ArrayList<>()).add(name);
			}
		}
	}

	/** Adds the episode's fuzzy mentions to {@code accepted} and covers their tokens. */
	void find(EpisodeState episode, List<Candidate> accepted) {
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			List<Token> tokens = seg.tokens();
			for (int i = 0; i < tokens.size(); i++) {
				Token first = tokens.get(i);
				if (first.han() || seg.covered(i) || !first.hasLetter()) {
					continue;
				}
				Candidate best = bestFrom(episode, s, i);
				if (best != null) {
					accepted.add(best);
					seg.cover(best.tokenFrom(), best.tokenTo());
					i = best.tokenTo() - 1;
				}
			}
		}
	}

	/** The best-ranked match of the spans starting at token {@code i}, if any. */
	Candidate bestFrom(EpisodeState episode, int s, int i) {
		EpisodeState.Segment seg = episode.segment(s);
		List<Token> tokens = seg.tokens();
		Candidate best = null;
		StringBuilder normalized = new StringBuilder();
		StringBuilder head = new StringBuilder();
		StringBuilder raw = new StringBuilder();
		int letterTokens = 0;
		boolean digits = false;
		for (int j = i; j < tokens.size() && j < i + this.policy.maxTokens(); j++) {
			Token token = tokens.get(j);
			if (token.han() || seg.covered(j) || (j > i && !token.gapBefore()) || seg.possessive(j)) {
				break;
			}
			String norm = LatinSound.normalize(token.key());
			normalized.append(norm);
			int length = j - i + 1;
			String tail = (token.hasDigit() && length > 1) ? token.key() : null;
			if (tail == null) {
				head.append(norm);
			}
			if (token.hasLetter()) {
				letterTokens++;
			}
			raw.append(token.key());
			digits |= token.hasDigit();
			if (!seg.hanContext() && !token.capitalized() && !token.allCaps() && !token.hasDigit()
					&& CommonWords.isCommon(token.key())) {
				// ordinary lower-case English words stay ordinary, alone or in a phrase
				break;
			}
			if (length == 1 && token.key().length() < this.policy.minWordLength() && !token.hasDigit()) {
				// fillers and particles ("uh", "of") never start a name
				break;
			}
			if (seg.continuesVersion(j + 1)) {
				continue;
			}
			Span span = new Span(s, i, j + 1, normalized.toString(), (tail != null) ? head.toString() : null, tail,
					letterTokens, raw.toString(), digits ? LatinSound.spelled(tokens.subList(i, j + 1)) : null);
			// the shape is the span's alone: worked out once for all the names
			Shape shape = null;
			for (AliasIndex.LatinName name : namesFor(span.normalized())) {
				if (!comparable(span, name)) {
					continue;
				}
				if (shape == null) {
					shape = shape(seg, span);
				}
				Candidate c = judge(episode, span, shape, name);
				// longer spans first, then closer matches
				if (c != null && (best == null || c.rank() < best.rank())) {
					best = c;
				}
			}
		}
		return best;
	}

	private List<AliasIndex.LatinName> namesFor(String normalized) {
		if (normalized.isEmpty()) {
			return List.of();
		}
		return this.bySoundOfStart.computeIfAbsent(normalized.charAt(0), (first) -> {
			List<AliasIndex.LatinName> out = new ArrayList<>();
			for (Map.Entry<Character, List<AliasIndex.LatinName>> entry : this.byStart.entrySet()) {
				if (LatinSound.SOUND.substitution(first, entry.getKey()) <= this.policy.startSubstitution()) {
					out.addAll(entry.getValue());
				}
			}
			return List.copyOf(out);
		});
	}

	/** Whether the span may be the name, and how sure we are. */
	private Candidate judge(EpisodeState episode, Span span, Shape shape, AliasIndex.LatinName name) {
		EpisodeState.Segment seg = episode.segment(span.segment());
		if (ordinaryWord(seg, shape, span, name)) {
			return null;
		}
		if (span.raw().equals(name.key())) {
			// the name as written is the exact layer's to take or leave
			return null;
		}
		Talk talk = new Talk(episode, span.segment(), name.topic());
		if (name.ordinary() && !seg.hanContext() && !talk.cue()) {
			// in English a misspelling of a name that is also an ordinary word needs the
			// topic's cues
			return null;
		}
		// In Latin text capitals say little (captions capitalise at random) and most
		// near-misses are other English words: a single word must be one sound-alike edit
		// from a name the episode already uses.
		boolean singleLatinWord = !seg.hanContext() && shape.single() && !shape.digit();
		if (singleLatinWord) {
			// a word that sounds exactly like the name once spelling is normalised
			// (OLAMA, Olama for Ollama) and is no English word needs no earlier mention
			boolean sameSound = !shape.common() && span.normalized().equals(name.normalized());
			if (span.normalized().length() < this.policy.minSingleWordLength()
					|| (talk.support() < this.context.namedElsewhere() && !sameSound) || !talk.aboutAi(this.context)) {
				return null;
			}
		}
		else if (!name.tail().isEmpty() && !shape.digit() && !shape.acronym()) {
			// a versioned name ("Llama 3") needs its version (single words: own limit)
			return null;
		}
		Closeness near = closeness(span, name, shape.acronym());
		boolean phonetic = LatinSound.skeleton(span.normalized()).equals(name.skeleton());
		// the guards last: they filter what the closeness rules accept, and most names a
		// span is compared with fail those first
		if (singleLatinWord) {
			Candidate single = singleWord(span, name, shape, near, phonetic);
			return (single != null && guarded(seg, span, name, talk)) ? single : null;
		}
		boolean strict = strictMatch(seg, shape, near, phonetic, talk);
		if ((!strict && !looseMatch(seg, span, name, shape, near, talk)) || !guarded(seg, span, name, talk)) {
			return null;
		}
		MatchKind kind = (phonetic || near.distance() == 0) ? MatchKind.PHONETIC : MatchKind.FUZZY;
		double ratio = near.distance() / Math.max(1, near.length());
		double confidence = strict ? Math.max(this.policy.minConfidence(), this.policy.maxConfidence() - ratio)
				: this.policy.relaxedConfidence();
		// longer spans first ("Lama 2" over "Lama"), then closer, then names in use
		double rank = ratio - this.policy.supportRank() * Math.min(talk.support(), this.policy.maxRankSupport())
				- this.policy.tokenRank() * (span.to() - span.from());
		return new Candidate(name.topic(), span.segment(), span.from(), span.to(), seg.token(span.from()).start(),
				seg.token(span.to() - 1).end(), kind, confidence, rank);
	}

	/**
	 * The guards of {@link MatchPolicy.Guards}: whether the span has the evidence its
	 * words, the name's length and the topic's category ask for.
	 */
	private boolean guarded(EpisodeState.Segment seg, Span span, AliasIndex.LatinName name, Talk talk) {
		Set<String> inName = this.nameTokens.get(name);
		boolean allWords = true;
		boolean anyWord = false;
		boolean frequent = false;
		int words = 0;
		for (int k = span.from(); k < span.to(); k++) {
			Token token = seg.token(k);
			if (!token.hasLetter()) {
				// a bare number is neither a word nor a name
				continue;
			}
			words++;
			boolean known = inName.contains(token.key());
			if (!known && ((token.key().length() <= this.guards.maxFunctionWord()
					&& WordLists.STOPWORDS.contains(token.key())) || WordLists.AI_CUES.contains(token.key()))) {
				// short function words, fillers and generic terms ("AI", "model", "chip")
				// are not parts of misheard names
				return false;
			}
			// generic terms count as vocabulary too ("Gen AI" for a "Glean AI")
			boolean word = !token.hasDigit()
					&& (CommonWords.isWord(token.key()) || WordLists.AI_CUES.contains(token.key()));
			allWords &= word;
			anyWord |= word;
			frequent = word && CommonWords.isFrequent(token.key());
		}
		boolean capitals = sameCapitals(seg, span, name);
		int support = talk.support();
		boolean shortName = name.key().length() < this.guards.shortName();
		if (anyWord && allWords && !capitals) {
			// English words stay words: one of the most common only for a topic the
			// episode names, beside a cue only this topic has; others beside such a cue
			// or
			// in an episode that names the topic often
			boolean named = support >= this.context.namedElsewhere();
			boolean often = support >= this.context.namedOften();
			boolean accepted = (span.to() - span.from() == 1 && frequent) ? named && talk.specificCue()
					: (shortName ? often : often || talk.specificCue());
			if (!accepted) {
				return false;
			}
		}
		if (shortName && !seg.token(span.from()).allCaps() && support < this.context.namedElsewhere()) {
			return false;
		}
		MatchPolicy.Category category = this.guards.of(name.topic().category());
		if (category.singleWordNeedsSupport() && words == 1 && support < this.context.namedElsewhere()) {
			return false;
		}
		if (name.topic().category() == TopicCategory.PERSON && span.to() - span.from() == 1
				&& seg.token(span.from()).allCaps()
				&& seg.token(span.from()).key().length() <= this.policy.maxShortLength()) {
			// capitals of a short token are letters read out (an acronym): a person's
			// name
			// is not written so unless listed so (SEC is not Zuck)
			return false;
		}
		boolean partial = span.letterTokens() < name.letterTokens()
				&& span.normalized().length() < this.guards.partialLength() * name.normalized().length();
		if (partial && !talk.specificCue() && support < this.context.namedElsewhere()) {
			return false;
		}
		return name.key().length() >= category.minUncuedLength() || talk.cue()
				|| support >= this.context.namedElsewhere();
	}

	/**
	 * Whether the span has capitals inside its words where the name has them (GBT-4O for
	 * GPT-4o, ChadGPT for ChatGPT): a recogniser writes an ordinary word with at most an
	 * initial capital, so such capitals show it heard a name.
	 */
	private static boolean sameCapitals(EpisodeState.Segment seg, Span span, AliasIndex.LatinName name) {
		String surface = seg.text().substring(seg.token(span.from()).start(), seg.token(span.to() - 1).end());
		return innerCapital(surface) && innerCapital(name.written());
	}

	private static boolean innerCapital(String text) {
		for (int i = 1; i < text.length(); i++) {
			if (Character.isUpperCase(text.charAt(i)) && Character.isLetter(text.charAt(i - 1))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the span and name are alike enough in form to be compared. Concept words
	 * are ordinary words that recognisers get right; only names are misheard into new
	 * spellings.
	 */
	private boolean comparable(Span span, AliasIndex.LatinName name) {
		String cand = span.normalized();
		String target = name.normalized();
		return name.topic().category().isNamedEntity() && span.letterTokens() <= name.letterTokens()
				&& target.length() >= this.policy.minNameLength() && cand.length() >= this.policy.minNameLength()
				&& LatinSound.sameStart(cand, target, false)
				&& (span.spelled() != null || Math.abs(cand.length() - target.length()) <= this.policy.maxLengthGap());
	}

	private Shape shape(EpisodeState.Segment seg, Span span) {
		Token first = seg.token(span.from());
		boolean single = span.to() - span.from() == 1;
		boolean digit = false;
		boolean acronym = true;
		int letters = 0;
		for (int k = span.from(); k < span.to(); k++) {
			Token t = seg.token(k);
			digit |= t.hasDigit();
			acronym &= t.allCaps() || t.hasDigit() || t.key().length() == 1;
			letters += t.key().length();
		}
		return new Shape(first, single, single && CommonWords.isCommon(first.key()),
				first.capitalized() || first.allCaps(), digit, acronym && letters <= this.policy.maxAcronymLetters());
	}

	/**
	 * Ordinary lower-case words stay ordinary; in Latin text so do capitalised common
	 * words and short words without digits.
	 */
	private boolean ordinaryWord(EpisodeState.Segment seg, Shape shape, Span span, AliasIndex.LatinName name) {
		if (shape.common() && !shape.cased()) {
			return true;
		}
		if (seg.hanContext()) {
			return false;
		}
		return shape.common() || (!shape.digit()
				&& Math.max(span.normalized().length(), name.normalized().length()) <= this.policy.maxShortLength());
	}

	/**
	 * The sound distance, taken over the span as normalised, as written (spelled-out
	 * letters: GBCO against GPT4O) or with digits spoken (Alpha 4 as alfafour), whichever
	 * is relatively closest.
	 */
	private static Closeness closeness(Span span, AliasIndex.LatinName name, boolean acronym) {
		String cand = span.normalized();
		String target = name.normalized();
		int length = Math.max(cand.length(), target.length());
		double distance = LatinSound.SOUND.distance(cand, target);
		int lengthGap = Math.abs(cand.length() - target.length());
		if (acronym) {
			String raw = span.raw();
			double d = LatinSound.LETTER_NAMES.distance(raw, name.key());
			if (d < distance && raw.charAt(0) == name.key().charAt(0)) {
				distance = d;
				length = Math.max(raw.length(), name.key().length());
				lengthGap = Math.abs(raw.length() - name.key().length());
			}
		}
		if (span.spelled() != null) {
			String spelled = span.spelled();
			double d = Math.min(LatinSound.SOUND.distance(spelled, target),
					LatinSound.SOUND.distance(spelled, name.spelled()));
			int l = Math.max(spelled.length(), target.length());
			if (d / l < distance / length) {
				distance = d;
				length = l;
				lengthGap = Math.min(Math.abs(spelled.length() - target.length()),
						Math.abs(spelled.length() - name.spelled().length()));
			}
		}
		return new Closeness(distance, length, lengthGap);
	}

	/** A single word in Latin text: one sound-alike edit from the name at most. */
	private Candidate singleWord(Span span, AliasIndex.LatinName name, Shape shape, Closeness near, boolean phonetic) {
		if (near.distance() > this.policy.singleWordDistance()
				|| near.lengthGap() > this.policy.singleWordLengthGap()) {
			return null;
		}
		return new Candidate(name.topic(), span.segment(), span.from(), span.to(), shape.first().start(),
				shape.first().end(), phonetic ? MatchKind.PHONETIC : MatchKind.FUZZY,
				this.policy.singleWordConfidence(),
				near.distance() / near.length() - this.policy.singleWordRankBonus());
	}

	/** Within the name's strict limit, in talk about AI. */
	private boolean strictMatch(EpisodeState.Segment seg, Shape shape, Closeness near, boolean phonetic, Talk talk) {
		if (near.length() <= this.policy.maxShortLength()) {
			// short tokens are never fuzzed: only an identical sound skeleton counts
			return phonetic && near.distance() <= this.policy.shortDistance()
					&& (shape.first().allCaps() || (shape.cased() && seg.hanContext()))
					&& (talk.ai() >= this.context.denseAiTalk() || talk.cue());
		}
		if (shape.common()) {
			// a capitalised English word inside Chinese text is almost always a name
			return near.distance() <= this.policy.commonDistance() && talk.ai() >= this.context.denseAiTalk()
					&& (talk.support() >= this.context.namedElsewhere() || talk.cue());
		}
		return near.distance() <= FuzzyLimits.strict(near.length()) && talk.aboutAi(this.context);
	}

	/**
	 * Beyond the strict limit: a looser spelling of a name the episode uses often, a
	 * close head with the version's characters, or a phrase anchored on the name's last
	 * word.
	 */
	private boolean looseMatch(EpisodeState.Segment seg, Span span, AliasIndex.LatinName name, Shape shape,
			Closeness near, Talk talk) {
		boolean nameLike = shape.cased() || seg.hanContext() || shape.digit();
		if (!nameLike || !talk.aboutAi(this.context)) {
			return false;
		}
		String cand = span.normalized();
		String target = name.normalized();
		boolean looser = near.distance() <= FuzzyLimits.relaxed(near.length(), shape.acronym() && name.acronym())
				&& cand.charAt(0) == target.charAt(0) && near.lengthGap() <= this.policy.relaxedLengthGap()
				&& talk.support() >= this.context.namedOften() && (seg.hanContext() || shape.first().allCaps());
		return looser || (!shape.common() && (headTailMatch(span, name) || anchoredPhrase(seg, span, name, talk)));
	}

	/**
	 * "Chapel Arena" for "Chatbot Arena": a capitalised phrase whose last word is the
	 * name's last word and whose first word starts like the name's first word.
	 */
	private boolean anchoredPhrase(EpisodeState.Segment seg, Span span, AliasIndex.LatinName name, Talk talk) {
		if (name.letterTokens() < 2 || span.letterTokens() != name.letterTokens()
				|| talk.ai() < this.context.denseAiTalk()) {
			return false;
		}
		Token last = seg.token(span.to() - 1);
		Token first = seg.token(span.from());
		String firstNorm = LatinSound.normalize(first.key());
		return last.key().equals(name.lastToken()) && first.capitalized() && last.capitalized()
				&& firstNorm.length() >= this.policy.anchoredMinFirst()
				&& name.normalized().startsWith(firstNorm.substring(0, this.policy.anchoredPrefix()))
				&& !first.key().equals(name.lastToken());
	}

	/**
	 * "Mixro 8707B" for "Mixtral 8x7B": a close head word and the version's characters in
	 * order.
	 */
	private boolean headTailMatch(Span span, AliasIndex.LatinName name) {
		if (span.tail() == null || span.head() == null || name.tail().isEmpty()
				|| name.head().length() < this.policy.minVersionedHead()) {
			return false;
		}
		String want = name.tail().replace("x", "");
		if (span.tail().length() > name.tail().length() + this.policy.versionSlack()
				|| span.tail().charAt(0) != want.charAt(0)) {
			return false;
		}
		int k = 0;
		for (int i = 0; i < span.tail().length() && k < want.length(); i++) {
			if (span.tail().charAt(i) == want.charAt(k)) {
				k++;
			}
		}
		if (k < want.length()) {
			return false;
		}
		int length = Math.max(span.head().length(), name.head().length());
		return LatinSound.sameStart(span.head(), name.head(), false) && span.head().length() >= this.policy.minHead()
				&& LatinSound.SOUND.distance(span.head(), name.head()) <= FuzzyLimits.relaxed(length, true);
	}

	/**
	 * Tokens {@code from..to} of one segment as compared.
	 *
	 * @param normalized the tokens' sound-normalised spelling
	 * @param head the normalised words before a version, when the last token has digits
	 * @param tail the last token as written, when it has digits
	 * @param raw the tokens' folded keys, as written
	 * @param spelled the normalised spelling with digits spoken, when there are digits
	 */
	private record Span(int segment, int from, int to, String normalized, String head, String tail, int letterTokens,
			String raw, String spelled) {
	}

	/**
	 * How the span is written.
	 *
	 * @param common a single common English word (or its inflection)
	 * @param cased the first token is capitalised or all capitals
	 * @param acronym capitals, digits and single letters, few enough to be spelled out
	 */
	private record Shape(Token first, boolean single, boolean common, boolean cased, boolean digit, boolean acronym) {
	}

	/**
	 * The talk around the span, for one topic. Whether the topic's cues are near is
	 * looked up only when a rule asks: most names a span is compared with are rejected by
	 * the cheaper facts first.
	 */
	private static final class Talk {

		private final EpisodeState episode;

		private final int segment;

		private final Topic topic;

		private final int support;

		private final int ai;

		private Boolean cue;

		Talk(EpisodeState episode, int segment, Topic topic) {
			this.episode = episode;
			this.segment = segment;
			this.topic = topic;
			this.support = episode.support(topic);
			this.ai = episode.aiWindow(segment);
		}

		int support() {
			return this.support;
		}

		int ai() {
			return this.ai;
		}

		boolean specificCue() {
			return this.episode.specificCueNear(this.segment, this.topic);
		}

		boolean cue() {
			if (this.cue == null) {
				this.cue = this.episode.topicCueNear(this.segment, this.topic);
			}
			return this.cue;
		}

		boolean aboutAi(MatchPolicy.Context context) {
			return this.ai >= context.aiTalk() || cue();
		}

	}

	private record Closeness(double distance, int length, int lengthGap) {
	}

}
