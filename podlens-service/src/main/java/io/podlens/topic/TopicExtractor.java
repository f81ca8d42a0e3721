package io.podlens.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.podlens.episode.StoredSegment;
import io.podlens.text.EditDistance;
import io.podlens.text.LatinSound;
import io.podlens.text.Pinyin;
import io.podlens.text.Token;
import io.podlens.text.Tokens;
import io.podlens.text.WordLists;

/**
 * Finds where topics are mentioned in the segments of one episode, tolerating
 * speech-recognition errors. Layers, in order: exact names and aliases (folded for case,
 * width and script), pinyin homophones of Chinese names and Hanzi spellings of Latin
 * names, then sound-aware fuzzy matching of Latin names. Ambiguous forms (common words,
 * fuzzy hits) are accepted only when the talk around them (two segments either side) is
 * about AI and technology, or names the topic's context cues. Thread-safe; build one per
 * taxonomy and reuse it. The text is only read, never changed.
 */
public final class TopicExtractor {

	private static final int WINDOW = 2;

	private static final int MAX_FUZZY_TOKENS = 3;

	private static final int MAX_HAN_WINDOW = 8;

	private final AliasIndex index;

	private final Map<Character, List<AliasIndex.LatinName>> latinByStart = new HashMap<>();

	private final Map<Character, List<AliasIndex.LatinName>> namesByStart = new java.util.concurrent.ConcurrentHashMap<>();

	public TopicExtractor(Taxonomy taxonomy) {
		this.index = new AliasIndex(taxonomy);
		for (AliasIndex.LatinName name : this.index.latin) {
			if (!name.normalized().isEmpty()) {
				this.latinByStart.computeIfAbsent(name.normalized().charAt(0), (k) -> new ArrayList<>()).add(name);
			}
		}
	}

	/** An extractor over the shipped default taxonomy. */
	public static TopicExtractor withDefaultTaxonomy() {
		return new TopicExtractor(Taxonomy.defaultTaxonomy());
	}

	/**
	 * Mentions in the segments of one episode, ordered by segment and position.
	 * @param segments the episode's segments in order
	 */
	public List<Mention> extract(List<StoredSegment> segments) {
		Episode episode = new Episode(segments);
		List<Candidate> accepted = new ArrayList<>();
		exactPass(episode, accepted);
		hanSoundPass(episode, accepted);
		latinPass(episode, accepted);
		accepted.sort(Comparator.comparingInt(Candidate::segment).thenComparingInt(Candidate::start));
		List<Mention> mentions = new ArrayList<>(accepted.size());
		for (Candidate c : accepted) {
			StoredSegment segment = segments.get(c.segment());
			mentions.add(new Mention(c.topic().id(), segment.index(), segment.segmentId(), c.start(), c.end(),
					segment.text().substring(c.start(), c.end()), c.kind(), round(c.confidence())));
		}
		return mentions;
	}

	private void exactPass(Episode episode, List<Candidate> accepted) {
		List<Candidate> ambiguous = new ArrayList<>();
		for (int s = 0; s < episode.size(); s++) {
			Seg seg = episode.seg(s);
			List<Token> tokens = seg.tokens;
			for (int i = 0; i < tokens.size();) {
				StringBuilder key = new StringBuilder();
				int bestEnd = -1;
				List<AliasIndex.Entry> best = null;
				for (int j = i; j < tokens.size() && j < i + this.index.maxTokens; j++) {
					if (j > i && !tokens.get(j).gapBefore()) {
						break;
					}
					key.append(tokens.get(j).key());
					List<AliasIndex.Entry> entries = this.index.exact.get(key.toString());
					if (entries != null && !seg.continuesVersion(j + 1)) {
						bestEnd = j;
						best = entries;
					}
				}
				if (best == null) {
					i++;
					continue;
				}
				AliasIndex.Entry entry = pick(best);
				boolean caps = tokens.get(i).capitalized() || tokens.get(i).allCaps();
				if (entry.requireCaps() && !caps) {
					i++;
					continue;
				}
				Candidate candidate = new Candidate(entry.topic(), s, i, bestEnd + 1, tokens.get(i).start(),
						tokens.get(bestEnd).end(), entry.kind(), entry.ambiguous() ? 0.8 : 1.0);
				if (entry.kind() == MatchKind.ALIAS) {
					candidate = candidate.withConfidence(entry.ambiguous() ? 0.75 : 0.95);
				}
				if (entry.ambiguous()) {
					ambiguous.add(candidate);
				}
				else {
					accepted.add(candidate);
					episode.confirm(candidate);
				}
				seg.cover(i, bestEnd + 1);
				i = bestEnd + 1;
			}
		}
		episode.countCues(this.index);
		for (Candidate candidate : ambiguous) {
			Seg seg = episode.seg(candidate.segment());
			Token first = seg.tokens.get(candidate.tokenFrom());
			boolean nameLike = first.capitalized() || first.allCaps() || seg.hanContext;
			boolean cue = episode.topicCueNear(candidate.segment(), candidate.topic(), this.index);
			// lower-case captions: an ordinary-looking form counts only beside the
			// topic's own
			// cues in an episode that names the topic unambiguously elsewhere
			if ((nameLike && (cue || episode.aiWindow(candidate.segment()) >= 2))
					|| (cue && episode.support(candidate.topic()) >= 1)) {
				accepted.add(candidate);
				episode.confirm(candidate);
			}
		}
	}

	/**
	 * A Latin alias must not be glued to further letters (the tokens already ensure it).
	 */

	private static AliasIndex.Entry pick(List<AliasIndex.Entry> entries) {
		for (AliasIndex.Entry entry : entries) {
			if (entry.kind() == MatchKind.EXACT) {
				return entry;
			}
		}
		return entries.get(0);
	}

	private void hanSoundPass(Episode episode, List<Candidate> accepted) {
		for (int s = 0; s < episode.size(); s++) {
			Seg seg = episode.seg(s);
			List<Token> tokens = seg.tokens;
			int i = 0;
			while (i < tokens.size()) {
				if (!tokens.get(i).han() || seg.covered[i]) {
					i++;
					continue;
				}
				int runEnd = i;
				while (runEnd + 1 < tokens.size() && tokens.get(runEnd + 1).han() && !seg.covered[runEnd + 1]
						&& tokens.get(runEnd + 1).gapBefore()) {
					runEnd++;
				}
				i = matchHanRun(episode, s, i, runEnd + 1, accepted);
			}
		}
	}

	private int matchHanRun(Episode episode, int s, int from, int to, List<Candidate> accepted) {
		Seg seg = episode.seg(s);
		int p = from;
		while (p < to) {
			int matched = 0;
			for (int w = Math.min(MAX_HAN_WINDOW, to - p); w >= 2 && matched == 0; w--) {
				StringBuilder py = new StringBuilder();
				StringBuilder han = new StringBuilder();
				for (int k = p; k < p + w; k++) {
					py.append(Pinyin.of(seg.tokens.get(k).key()));
					han.append(seg.tokens.get(k).key());
				}
				Candidate hit = soundHit(episode, s, p, p + w, py.toString(), han.toString());
				if (hit != null) {
					accepted.add(hit);
					episode.confirmWeak(hit);
					seg.cover(p, p + w);
					matched = w;
				}
			}
			p += (matched > 0) ? matched : 1;
		}
		return to;
	}

	private Candidate soundHit(Episode episode, int s, int from, int to, String py, String han) {
		Seg seg = episode.seg(s);
		int w = to - from;
		int start = seg.tokens.get(from).start();
		int end = seg.tokens.get(to - 1).end();
		int ai = episode.aiWindow(s);
		for (AliasIndex.SoundName name : this.index.pinyin.getOrDefault(py, List.of())) {
			if (name.fromHan()) {
				if (name.hanText().equals(han) || Math.abs(name.hanLength() - w) > 1
						|| !ChineseWords.plausibleMishearing(han, name.hanText())) {
					continue;
				}
				boolean contextOk = episode.topicCueNear(s, name.topic(), this.index) || ai >= ((w <= 2) ? 2 : 1);
				if (contextOk) {
					return new Candidate(name.topic(), s, from, to, start, end, MatchKind.PHONETIC, 0.8);
				}
			}
		}
		if (w >= 3 && ai >= 1) {
			for (AliasIndex.SoundName name : this.index.latinSounds.getOrDefault(HanSound.flatten(py), List.of())) {
				return new Candidate(name.topic(), s, from, to, start, end, MatchKind.PHONETIC, 0.75);
			}
		}
		if (w < 3 || py.length() < 6 || ai < 1) {
			return null;
		}
		Set<AliasIndex.SoundName> near = this.index.sharingCharacter(han);
		for (AliasIndex.SoundName name : near) {
			if (Math.abs(name.hanLength() - w) > 1 || name.pinyin().length() < 6
					|| Math.abs(name.pinyin().length() - py.length()) > 1
					|| EditDistance.LEVENSHTEIN.distance(py, name.pinyin()) > 1 || !sharesCharacter(han, name.hanText())
					|| !ChineseWords.plausibleMishearing(han, name.hanText())) {
				continue;
			}
			return new Candidate(name.topic(), s, from, to, start, end, MatchKind.PHONETIC, 0.65);
		}
		return null;
	}

	private static boolean sharesCharacter(String a, String b) {
		for (int i = 0; i < a.length(); i++) {
			if (b.indexOf(a.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private void latinPass(Episode episode, List<Candidate> accepted) {
		for (int s = 0; s < episode.size(); s++) {
			Seg seg = episode.seg(s);
			List<Token> tokens = seg.tokens;
			for (int i = 0; i < tokens.size(); i++) {
				Token first = tokens.get(i);
				if (first.han() || seg.covered[i] || !first.hasLetter()) {
					continue;
				}
				Candidate best = bestLatin(episode, s, i);
				if (best != null) {
					accepted.add(best);
					seg.cover(best.tokenFrom(), best.tokenTo());
					i = best.tokenTo() - 1;
				}
			}
		}
	}

	private Candidate bestLatin(Episode episode, int s, int i) {
		Seg seg = episode.seg(s);
		List<Token> tokens = seg.tokens;
		Candidate best = null;
		double bestScore = Double.MAX_VALUE;
		StringBuilder normalized = new StringBuilder();
		StringBuilder head = new StringBuilder();
		StringBuilder raw = new StringBuilder();
		int letterTokens = 0;
		boolean digits = false;
		for (int j = i; j < tokens.size() && j < i + MAX_FUZZY_TOKENS; j++) {
			Token token = tokens.get(j);
			if (token.han() || seg.covered[j] || (j > i && !token.gapBefore())) {
				break;
			}
			String norm = LatinSound.normalize(token.key());
			normalized.append(norm);
			int span = j - i + 1;
			String tail = token.hasDigit() && span > 1 ? token.key() : null;
			if (tail == null) {
				head.append(norm);
			}
			if (token.hasLetter()) {
				letterTokens++;
			}
			raw.append(token.key());
			digits |= token.hasDigit();
			Span candidate = new Span(s, i, j + 1, normalized.toString(), (tail != null) ? head.toString() : null, tail,
					letterTokens, raw.toString(), digits ? LatinSound.spelled(tokens.subList(i, j + 1)) : null);
			if (!seg.hanContext && !token.capitalized() && !token.allCaps() && !token.hasDigit()
					&& CommonWords.isCommon(token.key())) {
				// ordinary lower-case English words stay ordinary, alone or in a phrase
				break;
			}
			if (span == 1 && token.key().length() < 3 && !token.hasDigit()) {
				// fillers and particles ("uh", "of") never start a name
				break;
			}
			if (seg.continuesVersion(j + 1)) {
				continue;
			}
			for (AliasIndex.LatinName name : namesFor(candidate.normalized)) {
				Candidate c = judge(episode, candidate, name);
				if (c != null) {
					// prefer longer spans, then closer matches
					double score = c.rank();
					if (score < bestScore) {
						bestScore = score;
						best = c;
					}
				}
			}
		}
		return best;
	}

	private List<AliasIndex.LatinName> namesFor(String normalized) {
		if (normalized.isEmpty()) {
			return List.of();
		}
		return this.namesByStart.computeIfAbsent(normalized.charAt(0), (first) -> {
			List<AliasIndex.LatinName> out = new ArrayList<>();
			for (Map.Entry<Character, List<AliasIndex.LatinName>> entry : this.latinByStart.entrySet()) {
				if (LatinSound.SOUND.substitution(first, entry.getKey()) <= 0.5) {
					out.addAll(entry.getValue());
				}
			}
			return List.copyOf(out);
		});
	}

	private static boolean isAcronym(Seg seg, int from, int to) {
		int letters = 0;
		for (int k = from; k < to; k++) {
			Token t = seg.tokens.get(k);
			if (!(t.allCaps() || t.hasDigit() || t.key().length() == 1)) {
				return false;
			}
			letters += t.key().length();
		}
		return letters <= 6;
	}

	/** Whether a fuzzy candidate may be the name, and how sure we are. */
	private Candidate judge(Episode episode, Span span, AliasIndex.LatinName name) {
		Seg seg = episode.seg(span.segment);
		String target = name.normalized();
		if (target.length() < 3 || !name.topic().category().isNamedEntity()
				|| span.letterTokens > name.letterTokens()) {
			// concept words are ordinary words that recognisers get right; only names are
			// misheard into new spellings
			return null;
		}
		boolean acronym = isAcronym(seg, span.from, span.to);
		String cand = span.normalized;
		if (!LatinSound.sameStart(cand, target, false)
				|| (Math.abs(cand.length() - target.length()) > 2 && span.spelled == null)
				|| Math.min(cand.length(), target.length()) < 3) {
			return null;
		}
		if (rejectedBeforeDistance(episode, seg, span, name, cand, target)) {
			return null;
		}
		int length = Math.max(cand.length(), target.length());
		double distance = LatinSound.SOUND.distance(cand, target);
		int lengthGap = Math.abs(cand.length() - target.length());
		if (acronym) {
			// spelled-out letters are compared as written: GBCO against GPT4O
			String raw = span.raw;
			double d = LatinSound.LETTER_NAMES.distance(raw, name.key());
			if (d < distance && raw.charAt(0) == name.key().charAt(0)) {
				distance = d;
				length = Math.max(raw.length(), name.key().length());
				lengthGap = Math.abs(raw.length() - name.key().length());
			}
		}
		if (span.spelled != null) {
			double d = Math.min(LatinSound.SOUND.distance(span.spelled, target),
					LatinSound.SOUND.distance(span.spelled, name.spelled()));
			int l = Math.max(span.spelled.length(), target.length());
			if (d / l < distance / length) {
				distance = d;
				length = l;
				lengthGap = Math.min(Math.abs(span.spelled.length() - target.length()),
						Math.abs(span.spelled.length() - name.spelled().length()));
			}
		}
		boolean phonetic = LatinSound.skeleton(cand).equals(name.skeleton());
		Token first = seg.tokens.get(span.from);
		boolean single = span.to - span.from == 1;
		boolean common = single && CommonWords.isCommon(first.key());
		boolean cased = first.capitalized() || first.allCaps();
		boolean nameLike = (cased || seg.hanContext || hasDigit(seg, span)) && !(common && !cased);
		int support = episode.support(name.topic());
		boolean cue = episode.topicCueNear(span.segment, name.topic(), this.index);
		int ai = episode.aiWindow(span.segment);
		boolean context = ai >= 1 || cue;
		boolean ok = false;
		boolean relaxed = false;
		if (common && !cased) {
			// ordinary lower-case words stay ordinary
			return null;
		}
		if (!seg.hanContext) {
			// In Latin-script text capitals say little (captions capitalise at random)
			// and
			// most near-misses are other English words: a single word must be one
			// sound-alike edit from a name the episode already uses.
			boolean digit = hasDigit(seg, span);
			if (common || (!digit && Math.max(cand.length(), target.length()) <= 4)) {
				return null;
			}
			if (single && !digit) {
				ok = distance <= 0.5 && lengthGap <= 1 && cand.length() >= 5 && support >= 1 && context;
				return ok ? new Candidate(name.topic(), span.segment, span.from, span.to, first.start(), first.end(),
						phonetic ? MatchKind.PHONETIC : MatchKind.FUZZY, 0.75, distance / length - 0.1) : null;
			}
		}
		if (length <= 4) {
			// short tokens are never fuzzed: only an identical sound skeleton counts
			ok = phonetic && distance <= 1.0 && (first.allCaps() || (cased && seg.hanContext)) && (ai >= 2 || cue);
		}
		else if (common) {
			ok = distance <= 1.0 && (support >= 1 || cue) && ai >= 2;
		}
		else if (distance <= FuzzyLimits.strict(length)) {
			ok = context;
		}
		// a capitalised English word inside Chinese text is almost always a name
		boolean foreignName = common && cased && seg.hanContext;
		if (!ok && (!common || foreignName) && distance <= FuzzyLimits.relaxed(length, acronym && name.acronym())
				&& cand.charAt(0) == target.charAt(0) && lengthGap <= 1) {
			// a looser spelling of a name the episode already uses
			relaxed = true;
			ok = nameLike && support >= 2 && context && (seg.hanContext || first.allCaps());
		}
		if (!ok && !common) {
			relaxed = true;
			ok = nameLike && context && (headTailMatch(span, name) || anchoredPhrase(seg, span, name, ai));
		}
		if (!ok) {
			return null;
		}
		if (name.tail().length() > 0 && !hasDigit(seg, span) && !acronym) {
			// a versioned name ("Llama 3") needs its version in the text
			return null;
		}
		MatchKind kind = (phonetic || distance == 0) ? MatchKind.PHONETIC : MatchKind.FUZZY;
		double ratio = distance / Math.max(1, length);
		double confidence = relaxed ? 0.5 : Math.max(0.45, 0.9 - ratio);
		// longer spans first ("Lama 2" over "Lama"), then closer, then names the episode
		// uses
		double rank = ratio - 0.03 * Math.min(support, 2) - 0.1 * (span.to - span.from);
		return new Candidate(name.topic(), span.segment, span.from, span.to, seg.tokens.get(span.from).start(),
				seg.tokens.get(span.to - 1).end(), kind, confidence, rank);
	}

	/**
	 * The rejections of {@link #judge} that do not depend on the sound distance, taken
	 * before computing it: most candidates in English text are ordinary words that fail
	 * here, and the distance is the expensive part.
	 */
	private boolean rejectedBeforeDistance(Episode episode, Seg seg, Span span, AliasIndex.LatinName name, String cand,
			String target) {
		Token first = seg.tokens.get(span.from);
		boolean single = span.to - span.from == 1;
		boolean common = single && CommonWords.isCommon(first.key());
		boolean cased = first.capitalized() || first.allCaps();
		if (common && !cased) {
			return true;
		}
		if (seg.hanContext) {
			return false;
		}
		boolean digit = hasDigit(seg, span);
		if (common || (!digit && Math.max(cand.length(), target.length()) <= 4)) {
			return true;
		}
		if (single && !digit) {
			// judge then needs all of these besides a close distance
			return cand.length() < 5 || episode.support(name.topic()) < 1 || (episode.aiWindow(span.segment) < 1
					&& !episode.topicCueNear(span.segment, name.topic(), this.index));
		}
		return false;
	}

	/**
	 * "Chapel Arena" for "Chatbot Arena": a capitalised phrase whose last word is the
	 * name's last word and whose first word starts like the name's first word.
	 */
	private static boolean anchoredPhrase(Seg seg, Span span, AliasIndex.LatinName name, int ai) {
		if (name.letterTokens() < 2 || span.letterTokens != name.letterTokens() || ai < 2) {
			return false;
		}
		Token last = seg.tokens.get(span.to - 1);
		Token first = seg.tokens.get(span.from);
		String firstNorm = LatinSound.normalize(first.key());
		return last.key().equals(name.lastToken()) && first.capitalized() && last.capitalized()
				&& firstNorm.length() >= 3 && name.normalized().startsWith(firstNorm.substring(0, 2))
				&& !first.key().equals(name.lastToken());
	}

	/**
	 * "Mixro 8707B" for "Mixtral 8x7B": a close head word and the version's characters in
	 * order.
	 */
	private static boolean headTailMatch(Span span, AliasIndex.LatinName name) {
		if (span.tail == null || span.head == null || name.tail().isEmpty() || name.head().length() < 5) {
			return false;
		}
		String want = name.tail().replace("x", "");
		if (span.tail.length() > name.tail().length() + 2 || span.tail.charAt(0) != want.charAt(0)) {
			return false;
		}
		int k = 0;
		for (int i = 0; i < span.tail.length() && k < want.length(); i++) {
			if (span.tail.charAt(i) == want.charAt(k)) {
				k++;
			}
		}
		if (k < want.length()) {
			return false;
		}
		int length = Math.max(span.head.length(), name.head().length());
		return LatinSound.sameStart(span.head, name.head(), false) && span.head.length() >= 4
				&& LatinSound.SOUND.distance(span.head, name.head()) <= FuzzyLimits.relaxed(length, true);
	}

	private static boolean hasDigit(Seg seg, Span span) {
		for (int k = span.from; k < span.to; k++) {
			if (seg.tokens.get(k).hasDigit()) {
				return true;
			}
		}
		return false;
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	record Candidate(Topic topic, int segment, int tokenFrom, int tokenTo, int start, int end, MatchKind kind,
			double confidence, double rank) {

		Candidate(Topic topic, int segment, int tokenFrom, int tokenTo, int start, int end, MatchKind kind,
				double confidence) {
			this(topic, segment, tokenFrom, tokenTo, start, end, kind, confidence, 0);
		}

		Candidate withConfidence(double value) {
			return new Candidate(this.topic, this.segment, this.tokenFrom, this.tokenTo, this.start, this.end,
					this.kind, value, this.rank);
		}

	}

	private record Span(int segment, int from, int to, String normalized, String head, String tail, int letterTokens,
			String raw, String spelled) {
	}

	/** Per-segment tokens and coverage. */
	static final class Seg {

		final String text;

		final List<Token> tokens;

		final boolean[] covered;

		/** Mostly Chinese text: a Latin word in it is almost always a name or a term. */
		final boolean hanContext;

		final Set<String> grams = new HashSet<>();

		int cues;

		Seg(String text) {
			this.text = text;
			this.tokens = Tokens.of(text);
			this.covered = new boolean[this.tokens.size()];
			long han = this.tokens.stream().filter(Token::han).count();
			this.hanContext = han * 2 > this.tokens.size();
			for (int i = 0; i < this.tokens.size(); i++) {
				StringBuilder key = new StringBuilder();
				for (int j = i; j < this.tokens.size() && j < i + 4; j++) {
					if (j > i && !this.tokens.get(j).gapBefore()) {
						break;
					}
					key.append(this.tokens.get(j).key());
					this.grams.add(key.toString());
				}
			}
		}

		/**
		 * Whether the token at {@code next} continues a version number ("GPT-4" followed
		 * by ".5"), so that a name ending before it would cut the version.
		 */
		boolean continuesVersion(int next) {
			if (next <= 0 || next >= this.tokens.size()) {
				return false;
			}
			Token previous = this.tokens.get(next - 1);
			Token token = this.tokens.get(next);
			return !token.han() && !previous.han() && Character.isDigit(token.key().charAt(0))
					&& token.start() == previous.end() + 1 && this.text.charAt(previous.end()) == '.';
		}

		void cover(int from, int to) {
			for (int k = from; k < to; k++) {
				this.covered[k] = true;
			}
		}

	}

	/** The episode as a whole: segments, confirmed topics and AI-cue density. */
	static final class Episode {

		private final List<Seg> segs = new ArrayList<>();

		private final Map<String, Integer> support = new HashMap<>();

		private final List<Set<String>> topicsBySegment = new ArrayList<>();

		Episode(List<StoredSegment> segments) {
			for (StoredSegment segment : segments) {
				this.segs.add(new Seg(segment.text()));
				this.topicsBySegment.add(new HashSet<>());
			}
		}

		int size() {
			return this.segs.size();
		}

		Seg seg(int s) {
			return this.segs.get(s);
		}

		void confirm(Candidate candidate) {
			this.support.merge(candidate.topic().id(), 1, Integer::sum);
			confirmWeak(candidate);
		}

		/** Records the topic near the segment without counting it as firm support. */
		void confirmWeak(Candidate candidate) {
			this.topicsBySegment.get(candidate.segment()).add(candidate.topic().id());
		}

		int support(Topic topic) {
			return this.support.getOrDefault(topic.id(), 0);
		}

		void countCues(AliasIndex index) {
			for (int s = 0; s < this.segs.size(); s++) {
				Seg seg = this.segs.get(s);
				int cues = this.topicsBySegment.get(s).size();
				for (String gram : seg.grams) {
					if (WordLists.AI_CUES.contains(gram)) {
						cues++;
					}
				}
				seg.cues = cues;
			}
		}

		int aiWindow(int s) {
			int sum = 0;
			for (int k = Math.max(0, s - WINDOW); k <= Math.min(this.segs.size() - 1, s + WINDOW); k++) {
				sum += this.segs.get(k).cues;
			}
			return sum;
		}

		boolean topicCueNear(int s, Topic topic, AliasIndex index) {
			Set<String> cues = index.cues.getOrDefault(topic.id(), Set.of());
			if (cues.isEmpty()) {
				return false;
			}
			for (int k = Math.max(0, s - WINDOW); k <= Math.min(this.segs.size() - 1, s + WINDOW); k++) {
				for (String cue : cues) {
					if (this.segs.get(k).grams.contains(cue) || this.topicsBySegment.get(k).contains(cue)) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
