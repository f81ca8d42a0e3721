package io.podlens.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.podlens.text.Pinyin;
import io.podlens.text.Token;
import io.podlens.text.Transliteration;
import io.podlens.text.Words;
import org.jspecify.annotations.Nullable;

/**
 * The layer after {@link HanSounds}: Latin names written in Chinese characters by their
 * sound, found by rule instead of by listing each spelling (克劳德 for Claude, 米斯特拉 for
 * Mistral, 基批踢 for GPT). Each Latin name and alias of a model, organization, product or
 * person is rendered once per taxonomy by the kernel's {@link Transliteration} model
 * (unless one of the topic's own Chinese names already sounds like it: those are
 * {@link HanSounds}' job), indexed by the keys of its first two syllables, and runs of
 * uncovered Han characters are compared with the renderings starting there. Guards keep
 * ordinary words out: every character (all but one in a long run) must be one the
 * transliteration table uses, the run must neither cut nor contain a dictionary word of
 * the kernel's segmentation with other characters, it must not start or end with a
 * function character, it must take most of the name, and the talk around it must be about
 * AI (short names and topics flagged ambiguous need more). Found forms are
 * {@link MatchKind#PHONETIC}.
 */
final class TransliteratedNames {

	/**
	 * The thresholds of this layer.
	 *
	 * @param maxDistance largest {@link Transliteration.Match#distance distance} (cost
	 * per slot) for a model, product or organization
	 * @param maxPersonDistance the same for a person, whose renderings are standardised
	 * @param maxShortDistance the same for a name of two syllables
	 * @param minSyllables fewest characters a run may have
	 * @param minPersonSyllables fewest characters for a person
	 * @param shortSyllables a run this short needs dense AI talk or a cue
	 * @param maxDroppedShare largest share of a rendering's slots that may be left out
	 * @param longRun a run this long may have one character the table does not use, and
	 * needs no AI talk around it for a topic not flagged ambiguous
	 * @param maxSlots renderings longer than this are not kept (expansions of acronyms)
	 * @param maxFormsPerTopic renderings kept per topic (name first, then aliases), which
	 * bounds the cost of a large taxonomy
	 * @param maxConfidence confidence of a run that sounds exactly like a rendering,
	 * lowered by its distance
	 */
	record Limits(double maxDistance, double maxPersonDistance, double maxShortDistance, int minSyllables,
			int minPersonSyllables, int shortSyllables, double maxDroppedShare, int longRun, int maxSlots,
			int maxFormsPerTopic, double maxConfidence) {

		static final Limits DEFAULTS = new Limits(0.2, 0.15, 0.1, 2, 3, 2, 0.34, 4, 10, 6, 0.7);

	}

	/** A rendering of one Latin form of a topic. */
	private record Form(Topic topic, Transliteration.Rendering rendering, double maxDistance, int minSyllables,
			boolean ambiguous) {
	}

	private final Limits limits = Limits.DEFAULTS;

	private final MatchPolicy.Context context;

	private final Transliteration model = Transliteration.SHIPPED;

	/**
	 * Renderings by the {@link io.podlens.text.SyllableDistance#key keys} of their first
	 * two syllables ({@link Transliteration.Rendering#leadKeys}).
	 */
	private final Map<String, List<Form>> byLead = new HashMap<>();

	TransliteratedNames(Taxonomy taxonomy, MatchPolicy policy) {
		this.context = policy.context();
		for (Topic topic : taxonomy.topics()) {
			if (topic.category().isNamedEntity()) {
				addTopic(topic);
			}
		}
	}

	private void addTopic(Topic topic) {
		List<List<String>> chineseNames = new ArrayList<>();
		List<String> latinForms = new ArrayList<>();
		for (String name : topic.names()) {
			List<Token> tokens = io.podlens.text.Tokens.of(name);
			if (tokens.isEmpty()) {
				continue;
			}
			if (tokens.stream().allMatch(Token::han)) {
				chineseNames.add(tokens.stream().map((t) -> Pinyin.of(t.key())).toList());
			}
			else if (tokens.stream().noneMatch(Token::han)) {
				latinForms.add(name);
			}
		}
		boolean person = topic.category() == TopicCategory.PERSON;
		int kept = 0;
		for (String written : latinForms) {
			Transliteration.Rendering rendering = this.model.render(written);
			if (rendering == null || kept >= this.limits.maxFormsPerTopic()
					|| rendering.slots().size() > this.limits.maxSlots()
					|| (rendering.syllables() <= this.limits.shortSyllables() && hasBareConsonant(rendering))) {
				// a long expansion is never said by its sound; a bare consonant plus one
				// syllable (Qwen as 格文) is too easily part of other words
				continue;
			}
			int min = person ? this.limits.minPersonSyllables() : this.limits.minSyllables();
			if (rendering.syllables() < min) {
				continue;
			}
			double max = (rendering.syllables() <= this.limits.shortSyllables()) ? this.limits.maxShortDistance()
					: (person ? this.limits.maxPersonDistance() : this.limits.maxDistance());
			if (listedInChinese(rendering, chineseNames, max)) {
				continue;
			}
			Form form = new Form(topic, rendering, max, min, topic.ambiguous());
			for (String key : rendering.leadKeys()) {
				this.byLead.computeIfAbsent(key, (k) -> new ArrayList<>()).add(form);
			}
			kept++;
		}
	}

	private static boolean hasBareConsonant(Transliteration.Rendering rendering) {
		return rendering.slots().stream().anyMatch(Transliteration.Slot::bare);
	}

	/** Whether one of the topic's Chinese names is itself this rendering. */
	private static boolean listedInChinese(Transliteration.Rendering rendering, List<List<String>> chineseNames,
			double max) {
		for (List<String> name : chineseNames) {
			Transliteration.Match m = rendering.match(name, 0, name.size(), max);
			if (m != null && m.length() == name.size()) {
				return true;
			}
		}
		return false;
	}

	/** Adds the episode's transliterated names to {@code accepted} and covers them. */
	void find(EpisodeState episode, List<Candidate> accepted) {
		if (this.byLead.isEmpty()) {
			return;
		}
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			List<Token> tokens = seg.tokens();
			List<Words.Segment> words = null;
			int i = 0;
			while (i < tokens.size()) {
				if (!tokens.get(i).han() || seg.covered(i)) {
					i++;
					continue;
				}
				int end = i + 1;
				while (end < tokens.size() && tokens.get(end).han() && !seg.covered(end)
						&& tokens.get(end).gapBefore()) {
					end++;
				}
				if (end - i >= this.limits.minSyllables()) {
					words = findInRun(episode, s, i, end, accepted, words);
				}
				i = end;
			}
		}
	}

	/**
	 * Finds names in the run of Han tokens {@code from..to}; returns the words if read.
	 */
	private @Nullable List<Words.Segment> findInRun(EpisodeState episode, int s, int from, int to,
			List<Candidate> accepted, @Nullable List<Words.Segment> words) {
		EpisodeState.Segment seg = episode.segment(s);
		List<String> syllables = null;
		int p = from;
		while (p <= to - this.limits.minSyllables()) {
			String key = seg.token(p).key();
			String next = seg.token(p + 1).key();
			List<Form> forms = this.model.isTransliterationCharacter(key.codePointAt(0))
					? this.byLead.get(io.podlens.text.SyllableDistance.key(Pinyin.of(key)) + " "
							+ io.podlens.text.SyllableDistance.initialKey(Pinyin.of(next)))
					: null;
			if (forms == null) {
				p++;
				continue;
			}
			if (syllables == null) {
				syllables = new ArrayList<>(to - from);
				for (int k = from; k < to; k++) {
					syllables.add(Pinyin.of(seg.token(k).key()));
				}
			}
			Candidate best = null;
			double bestDistance = 0;
			for (Form form : forms) {
				Transliteration.Match m = form.rendering().match(syllables, p - from, to - from, form.maxDistance());
				// a short run must be the whole rendering; a longer one most of it
				if (m == null || m.length() < form.minSyllables()
						|| m.dropped() > ((m.length() <= this.limits.shortSyllables()) ? 0
								: this.limits.maxDroppedShare() * form.rendering().slots().size())) {
					continue;
				}
				if (best != null && (m.length() < best.tokenTo() - best.tokenFrom()
						|| (m.length() == best.tokenTo() - best.tokenFrom() && m.distance() >= bestDistance))) {
					continue;
				}
				if (words == null) {
					words = Words.of(seg.text());
				}
				if (!looksLikeAName(seg, p, p + m.length(), words) || !contextAllows(episode, s, form, m)) {
					continue;
				}
				best = new Candidate(form.topic(), s, p, p + m.length(), seg.token(p).start(),
						seg.token(p + m.length() - 1).end(), MatchKind.PHONETIC,
						this.limits.maxConfidence() - m.distance());
				bestDistance = m.distance();
			}
			if (best == null) {
				p++;
				continue;
			}
			accepted.add(best);
			episode.confirmNearby(best);
			seg.cover(best.tokenFrom(), best.tokenTo());
			p = best.tokenTo();
		}
		return words;
	}

	/**
	 * The guards on the characters: transliteration characters (one other allowed in a
	 * long run), not the tail of a longer foreign name (a table character just before)
	 * nor its head (two after: one may be a word of its own, 云 in 云服务), no function
	 * character at an edge, and no dictionary word cut by the run or inside it with
	 * characters a rendering would not use (大家, 东西 are words; 克劳德 is not).
	 */
	private boolean looksLikeAName(EpisodeState.Segment seg, int from, int to, List<Words.Segment> words) {
		int others = 0;
		for (int k = from; k < to; k++) {
			if (!this.model.isTransliterationCharacter(seg.token(k).key().codePointAt(0))) {
				others++;
			}
		}
		if (others > ((to - from >= this.limits.longRun()) ? 1 : 0)) {
			return false;
		}
		if (continuesName(seg, from - 1, from) || (continuesName(seg, to, to) && continuesName(seg, to + 1, to + 1))) {
			return false;
		}
		String text = seg.text();
		int start = seg.token(from).start();
		int end = seg.token(to - 1).end();
		if (ChineseWords.isFunctionCharacter(text.charAt(start))
				|| ChineseWords.isFunctionCharacter(text.charAt(end - 1))) {
			return false;
		}
		for (Words.Segment word : words) {
			if (word.end() <= start || word.start() >= end || !word.word() || word.length() < 2) {
				continue;
			}
			// a word the run cuts, one as long as the run (打开, 纳米), or one with
			// characters
			// no rendering uses is ordinary text; a shorter word of transliteration
			// characters inside a longer run (克斯 in 艾克斯) is not
			if (word.start() < start || word.end() > end || word.length() >= end - start) {
				return false;
			}
			for (int c = word.start(); c < word.end(); c++) {
				if (!this.model.isTransliterationCharacter(text.charAt(c))) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Whether the token at {@code k}, next to a run, could be part of the same foreign
	 * name: an uncovered Han character of the syllable table, joined to the run (at token
	 * {@code joint}), and not a function character.
	 */
	private boolean continuesName(EpisodeState.Segment seg, int k, int joint) {
		if (k < 0 || k >= seg.tokens().size() || seg.covered(k) || !seg.token(k).han()
				|| !seg.token(joint).gapBefore()) {
			return false;
		}
		String key = seg.token(k).key();
		return this.model.isTableCharacter(key.codePointAt(0)) && !ChineseWords.isFunctionCharacter(key.charAt(0));
	}

	/**
	 * Talk about AI around the run, or the topic's cues. A short run needs dense AI talk
	 * (a cue when the topic is flagged ambiguous); a longer one needs AI talk unless it
	 * is long or sounds almost exactly like the name of a topic not flagged ambiguous,
	 * which such a run of transliteration characters seldom does by chance.
	 */
	private boolean contextAllows(EpisodeState episode, int s, Form form, Transliteration.Match m) {
		if (m.length() <= this.limits.shortSyllables()) {
			return form.ambiguous() ? episode.topicCueNear(s, form.topic())
					: episode.aiWindow(s) >= this.context.denseAiTalk() || episode.topicCueNear(s, form.topic());
		}
		if (!form.ambiguous()
				&& (m.distance() <= this.limits.maxShortDistance() || m.length() >= this.limits.longRun())) {
			return true;
		}
		return episode.aiWindow(s) >= this.context.aiTalk() || episode.topicCueNear(s, form.topic());
	}

}
