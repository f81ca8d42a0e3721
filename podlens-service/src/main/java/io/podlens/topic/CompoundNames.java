package io.podlens.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.podlens.text.Pinyin;
import io.podlens.text.Token;
import io.podlens.text.WordLists;

/**
 * Runs before the exact layer: names made of a word and a spelled acronym (ChatGPT,
 * ChatGLM, AutoGPT) as recognisers hear them, by sound rather than by listing. The
 * acronym is heard as letter names, so its letters may be replaced by letters that rhyme
 * (b c d e g p t v z, and g/j as Chinese speakers read them) and its first letters may
 * merge into the word; the word is heard by its first syllable, its onset among the
 * sibilants and affricates that recognisers confuse (ch, tr, ts, j, q, x, zh, sh, z).
 * Forms:
 * <ul>
 * <li>one token: a head that starts like the word and a tail that spells the end of the
 * acronym, at least two letters (a single letter or a bare onset only with the whole
 * acronym): "ChatsPT", "ChangeBT", "XGBT"; never an English word ("transcript"); in
 * Latin-script text only with the tail in capitals;</li>
 * <li>a head token or one Chinese character whose pinyin starts like the word, then the
 * acronym in capitals ("Chai GPT", "拆GPT"): the acronym alone would otherwise be read as
 * the family (GPT) where the speaker said the product;</li>
 * <li>in Chinese text, an acronym of three or more capitals that rhymes with a listed
 * acronym letter by letter, one letter changed ("GBT" for GPT), when the episode names
 * that topic firmly.</li>
 * <li>in Chinese text, looser still, since Chinese speakers' English vowels are what
 * recognisers miss most: the head may have another vowel after its onset when the whole
 * acronym follows ("TreadGBT", "Query GPT"), or be only the onset (and an h) before at
 * least two letters of the acronym ("CHPT"); a Chinese head may precede the acronym with
 * one rhyming letter (拆GBT), unless it is a function character (在GBT).</li>
 * <li>after the exact layer, where the episode names the topic firmly, the acronym heard
 * as its letters' names, one syllable each ("Chai-Chibiti", "Chashpity", 柴脂筆貼).</li>
 * </ul>
 */
final class CompoundNames {

	private static final Pattern COMPOUND = Pattern.compile("([A-Z][a-z]{2,})([A-Z]{2,4})");

	/** Onsets recognisers confuse with one another, longest first. */
	private static final String[] ONSETS = { "tch", "ch", "tr", "ts", "zh", "sh", "c", "j", "q", "x", "z" };

	/** Letters whose English names rhyme (the E-set), plus g/j as read in Chinese. */
	private static final String RHYMES = "bcdegptvz";

	/** A word + acronym name. */
	record Compound(Topic topic, String head, String acronym) {
	}

	private final List<Compound> compounds = new ArrayList<>();

	/** Topics named by an acronym alone, by the acronym (lower case). */
	private final Map<String, Topic> acronyms = new HashMap<>();

	/** Every acronym a topic is named by, of any category: never read as another. */
	private final Set<String> known = new HashSet<>();

	private final MatchPolicy.Context context;

	CompoundNames(Taxonomy taxonomy, MatchPolicy policy) {
		this.context = policy.context();
		for (Topic topic : taxonomy.topics()) {
			for (String name : topic.names()) {
				Matcher m = COMPOUND.matcher(name);
				String head = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
				// only words whose onset recognisers confuse: the rule is about that
				// sound
				// (an English c is one only before e, i, y: Critic starts with k)
				boolean hard = head.startsWith("c") && !head.startsWith("ch") && "eiy".indexOf(head.charAt(1)) < 0;
				if (m.matches() && m.group(2).length() >= 3 && onset(head) != null && !hard
						&& topic.category().isNamedEntity()) {
					this.compounds.add(new Compound(topic, head, m.group(2).toLowerCase(Locale.ROOT)));
				}
				else if (name.length() >= 3 && name.length() <= 4 && name.chars().allMatch(Character::isUpperCase)
						&& name.chars().allMatch((c) -> c < 0x80)) {
					this.known.add(name.toLowerCase(Locale.ROOT));
					if (topic.category().isNamedEntity()) {
						this.acronyms.putIfAbsent(name.toLowerCase(Locale.ROOT), topic);
					}
				}
			}
		}
	}

	void find(EpisodeState episode, List<Candidate> accepted) {
		find(episode, accepted, false);
	}

	/**
	 * The second pass, after the exact layer, over Latin-script text, for names the
	 * episode already names firmly at least {@code namedOften} times: there a looser
	 * hearing is that name too. The tail may be written in lower case ("chargebt") and
	 * its last letter may rhyme too ("ChaiGBD"), and an acronym that rhymes with a listed
	 * one, one letter changed, is that topic as in Chinese text ("GBT's" for GPT).
	 */
	void findSupported(EpisodeState episode, List<Candidate> accepted) {
		find(episode, accepted, true);
		spelledAsSyllables(episode, accepted);
	}

	/**
	 * The acronym heard as its letters' names, one syllable each, after a head that
	 * sounds like the word: "Chai-Chibiti", "Chashpity" (the first letter merged into the
	 * head), 柴脂筆貼. A syllable starts with its letter, the letter's voicing pair (p/b,
	 * t/d, k/g) or, for g, an onset Chinese readers give it (j, zh, ch, sh, q, x), and
	 * has only the vowel of the letters' names (e, i, y; in pinyin i, ie, ei: 笔, 别, 贴),
	 * never another consonant or a nasal, so few English words and no Chinese word of
	 * other sounds are read as letters. Heard so loosely only where the episode names the
	 * topic firmly: once in Chinese text, {@code namedOften} times in Latin-script text.
	 */
	private void spelledAsSyllables(EpisodeState episode, List<Candidate> accepted) {
		for (Compound c : this.compounds) {
			if (!spellable(c.acronym()) || episode.support(c.topic()) < this.context.namedElsewhere()) {
				continue;
			}
			for (int s = 0; s < episode.size(); s++) {
				EpisodeState.Segment seg = episode.segment(s);
				if (!seg.hanContext() && episode.support(c.topic()) < this.context.namedOften()) {
					continue;
				}
				for (int i = 0; i < seg.tokens().size(); i++) {
					Candidate found = seg.token(i).han() ? hanSyllables(seg, s, i, c) : latinSyllables(seg, s, i, c);
					if (found != null) {
						accepted.add(found);
						episode.confirm(found);
						seg.cover(found.tokenFrom(), found.tokenTo());
						i = found.tokenTo() - 1;
					}
				}
			}
		}
	}

	/** "Chashpity" (one token) or "Chai-Chibiti" (a head, then the letters). */
	private static Candidate latinSyllables(EpisodeState.Segment seg, int s, int i, Compound c) {
		Token t = seg.token(i);
		String k = t.key();
		if (seg.covered(i) || !k.chars().allMatch(Character::isLetter) || CommonWords.isWord(k)) {
			return null;
		}
		for (int cut = 2; cut <= Math.min(k.length() - 2, c.head().length() + 2); cut++) {
			String h = k.substring(0, cut);
			int letters = syllablesSpelling(k.substring(cut), c.acronym(), false);
			// a tail shorter than the acronym leaves its first letters in the head, which
			// then ends in a consonant ("chash" + "pity")
			if (sounds(h, c.head()) && letters >= 2
					&& (letters == c.acronym().length() || "aeiouy".indexOf(h.charAt(h.length() - 1)) < 0)) {
				return new Candidate(c.topic(), s, i, i + 1, t.start(), t.end(), MatchKind.PHONETIC, 0.7);
			}
		}
		if (i + 1 < seg.tokens().size() && k.length() <= c.head().length() + 2 && sounds(k, c.head())) {
			Token next = seg.token(i + 1);
			if (!next.han() && !seg.covered(i + 1) && next.key().chars().allMatch(Character::isLetter)
					&& !CommonWords.isWord(next.key())
					&& syllablesSpelling(next.key(), c.acronym(), false) == c.acronym().length()) {
				return new Candidate(c.topic(), s, i, i + 2, t.start(), next.end(), MatchKind.PHONETIC, 0.7);
			}
		}
		return null;
	}

	/** 柴脂筆貼: a character that sounds like the word, then one per letter. */
	private static Candidate hanSyllables(EpisodeState.Segment seg, int s, int i, Compound c) {
		int n = c.acronym().length();
		if (i + n >= seg.tokens().size() || ChineseWords.isFunctionCharacter(seg.token(i).key().charAt(0))
				|| !sounds(Pinyin.of(seg.token(i).key()), c.head())) {
			return null;
		}
		StringBuilder heard = new StringBuilder();
		for (int j = i; j <= i + n; j++) {
			Token t = seg.token(j);
			// a letter may be a function character (比 for p): the syllable check decides
			if (!t.han() || seg.covered(j)) {
				return null;
			}
			if (j > i) {
				heard.append(Pinyin.of(t.key())).append(' ');
			}
		}
		if (syllablesSpelling(heard.toString().strip(), c.acronym(), true) != n) {
			return null;
		}
		return new Candidate(c.topic(), s, i, i + n + 1, seg.token(i).start(), seg.token(i + n).end(),
				MatchKind.PHONETIC, 0.7);
	}

	/**
	 * How many letters at the end of the acronym {@code heard} spells, one syllable per
	 * letter, or 0 when it spells none. Chinese pinyin comes one syllable per
	 * space-separated part.
	 */
	static int syllablesSpelling(String heard, String acronym, boolean pinyin) {
		List<String> onsets = new ArrayList<>();
		if (pinyin) {
			for (String syllable : heard.split(" ")) {
				String o = letterOnset(syllable);
				String rest = (o == null) ? "" : syllable.substring(o.length());
				if (o == null || !(rest.equals("i") || rest.equals("ie") || rest.equals("ei"))) {
					return 0;
				}
				onsets.add(o);
			}
		}
		else {
			for (int j = 0; j < heard.length();) {
				String o = letterOnset(heard.substring(j));
				if (o == null) {
					return 0;
				}
				onsets.add(o);
				j += o.length();
				// the vowel of the letters' names (bee, dee, gee): "chatbot" is no GPT
				while (j < heard.length() && "eiy".indexOf(heard.charAt(j)) >= 0) {
					j++;
				}
			}
		}
		int n = onsets.size();
		if (n == 0 || n > acronym.length()) {
			return 0;
		}
		String end = acronym.substring(acronym.length() - n);
		for (int j = 0; j < n; j++) {
			if (!readsAs(onsets.get(j), end.charAt(j))) {
				return 0;
			}
		}
		return n;
	}

	private static final String[] LETTER_ONSETS = { "zh", "ch", "sh", "b", "p", "t", "d", "k", "g", "j", "q", "x", "v",
			"z" };

	private static String letterOnset(String s) {
		for (String o : LETTER_ONSETS) {
			if (s.startsWith(o)) {
				return o;
			}
		}
		return null;
	}

	/** Whether a syllable with this onset is heard as the letter's name. */
	private static boolean readsAs(String onset, char letter) {
		return switch (letter) {
			case 'g' -> onset.equals("g") || onset.equals("j") || onset.equals("zh") || onset.equals("ch")
					|| onset.equals("sh") || onset.equals("q") || onset.equals("x");
			case 'p', 'b' -> onset.equals("p") || onset.equals("b");
			case 't', 'd' -> onset.equals("t") || onset.equals("d");
			case 'k' -> onset.equals("k") || onset.equals("g");
			case 'v', 'z' -> onset.equals(String.valueOf(letter));
			default -> false;
		};
	}

	/** Acronyms whose every letter has a name read as one syllable by this rule. */
	private static boolean spellable(String acronym) {
		return acronym.chars().allMatch((ch) -> "bdgkptvz".indexOf(ch) >= 0);
	}

	private void find(EpisodeState episode, List<Candidate> accepted, boolean supported) {
		if (this.compounds.isEmpty()) {
			return;
		}
		for (int s = 0; s < episode.size(); s++) {
			EpisodeState.Segment seg = episode.segment(s);
			List<Token> tokens = seg.tokens();
			for (int i = 0; i < tokens.size(); i++) {
				Token t = tokens.get(i);
				if (t.han() || seg.covered(i) || (supported && seg.hanContext())) {
					continue;
				}
				String surface = seg.text().substring(t.start(), t.end());
				Candidate found = null;
				if (!supported && i > 0 && t.allCaps() && !seg.covered(i - 1) && t.gapBefore()) {
					found = headAndAcronym(seg, s, i, surface);
				}
				if (found == null) {
					found = oneToken(episode, s, i, surface, supported);
				}
				if (found == null && (seg.hanContext() != supported)) {
					found = rhymingAcronym(episode, s, i, surface, supported);
				}
				if (found != null) {
					accepted.add(found);
					episode.confirm(found);
					seg.cover(found.tokenFrom(), found.tokenTo());
				}
			}
		}
	}

	/** "Chai GPT", "拆GPT". */
	private Candidate headAndAcronym(EpisodeState.Segment seg, int s, int i, String surface) {
		Token head = seg.token(i - 1);
		String a = surface.toLowerCase(Locale.ROOT);
		for (Compound c : this.compounds) {
			// in Chinese text the acronym may be heard with one rhyming letter (拆GBT),
			// and a Latin head with another vowel after its onset ("Tread GPT", "Query
			// GPT"): Chinese speakers' English vowels are what recognisers miss most
			boolean rhymed = !a.equals(c.acronym());
			if (rhymed && !(seg.hanContext() && !this.known.contains(a) && rhymesOnce(a, c.acronym()))) {
				continue;
			}
			boolean heard;
			if (head.han()) {
				// a function character before a misheard acronym is the sentence's (在GBT)
				heard = sounds(Pinyin.of(head.key()), c.head())
						&& !(rhymed && ChineseWords.isFunctionCharacter(head.key().charAt(0)));
			}
			else {
				String h = head.key();
				heard = h.length() <= c.head().length() + 2
						&& (sounds(h, c.head()) || (seg.hanContext() && !rhymed && startsLikeAWord(h)))
						&& h.chars().allMatch(Character::isLetter) && (seg.hanContext() || !CommonWords.isWord(h));
			}
			if (heard) {
				return new Candidate(c.topic(), s, i - 1, i + 1, head.start(), seg.token(i).end(), MatchKind.PHONETIC,
						0.8);
			}
		}
		return null;
	}

	/** "ChatsPT", "ChangeBT", "XGBT". */
	private Candidate oneToken(EpisodeState episode, int s, int i, String surface, boolean supported) {
		EpisodeState.Segment seg = episode.segment(s);
		String k = surface.toLowerCase(Locale.ROOT);
		if (k.length() < 4 || !k.chars().allMatch(Character::isLetter) || CommonWords.isWord(k)) {
			return null;
		}
		for (Compound c : this.compounds) {
			if (supported && episode.support(c.topic()) < this.context.namedOften()) {
				continue;
			}
			if (k.equals(c.head() + c.acronym())) {
				// the name as written is the exact layer's, at its confidence
				return null;
			}
			for (int cut = Math.max(1, k.length() - c.acronym().length()); cut <= k.length() - 1; cut++) {
				String h = k.substring(0, cut);
				String a = k.substring(cut);
				boolean whole = a.length() == c.acronym().length();
				if ((a.length() < 2 && !whole) || h.length() > c.head().length() + 4
						|| !rhymesWithEnd(a, c.acronym(), supported && whole)
						|| !sounds(h, c.head()) && !(whole && onset(h) != null && onset(h).equals(h))
								&& !(seg.hanContext() && heardLoosely(h, whole, k))) {
					continue;
				}
				// the word may lose its vowel to a spelled letter only when the whole
				// acronym follows ("XGBT")
				if (!hasVowel(h) && !whole && h.length() > 2) {
					continue;
				}
				String tailAsWritten = surface.substring(cut);
				if (!seg.hanContext() && !supported && !tailAsWritten.equals(tailAsWritten.toUpperCase(Locale.ROOT))) {
					continue;
				}
				return new Candidate(c.topic(), s, i, i + 1, seg.token(i).start(), seg.token(i).end(),
						MatchKind.PHONETIC, supported ? 0.7 : 0.75);
			}
		}
		return null;
	}

	/**
	 * In Chinese text, a head heard with another vowel when the whole acronym follows
	 * ("TreadGBT"), or heard as its onset and an h when at least two letters of the
	 * acronym follow ("CHPT", "XHPT"); a single onset letter with a short tail ("JPT") is
	 * left to the family, and a known acronym is never read this way.
	 */
	private boolean heardLoosely(String h, boolean whole, String token) {
		if (this.known.contains(token)) {
			return false;
		}
		if (whole && startsLikeAWord(h)) {
			return true;
		}
		String o = onset(h);
		return o != null && h.length() >= 2 && (h.equals(o) || h.equals(o + "h"));
	}

	/** A confusable onset, then a vowel. */
	private static boolean startsLikeAWord(String h) {
		String o = onset(h);
		return o != null && h.length() > o.length() && "aeiouy".indexOf(h.charAt(o.length())) >= 0;
	}

	/**
	 * Whether {@code a} is the acronym with exactly one letter replaced by a rhyming one,
	 * the last letter kept.
	 */
	private static boolean rhymesOnce(String a, String acronym) {
		if (a.length() != acronym.length() || a.charAt(a.length() - 1) != acronym.charAt(acronym.length() - 1)) {
			return false;
		}
		int changed = 0;
		for (int j = 0; j < a.length(); j++) {
			if (a.charAt(j) != acronym.charAt(j) && (!rhyme(a.charAt(j), acronym.charAt(j)) || ++changed > 1)) {
				return false;
			}
		}
		return changed == 1;
	}

	/**
	 * "GBT" for GPT, in Chinese text, when the episode names the topic; in Latin-script
	 * text when it names it often.
	 */
	private Candidate rhymingAcronym(EpisodeState episode, int s, int i, String surface, boolean supported) {
		EpisodeState.Segment seg = episode.segment(s);
		String k = surface.toLowerCase(Locale.ROOT);
		if (!seg.token(i).allCaps() || k.length() < 3 || this.known.contains(k) || WordLists.AI_CUES.contains(k)) {
			return null;
		}
		for (Map.Entry<String, Topic> e : this.acronyms.entrySet()) {
			String a = e.getKey();
			if (a.length() != k.length() || a.charAt(a.length() - 1) != k.charAt(k.length() - 1) || episode
				.support(e.getValue()) < (supported ? this.context.namedOften() : this.context.namedElsewhere())) {
				continue;
			}
			int changed = 0;
			boolean rhymes = true;
			for (int j = 0; j < a.length() && rhymes; j++) {
				if (a.charAt(j) != k.charAt(j)) {
					changed++;
					rhymes = rhyme(a.charAt(j), k.charAt(j));
				}
			}
			if (rhymes && changed == 1) {
				return new Candidate(e.getValue(), s, i, i + 1, seg.token(i).start(), seg.token(i).end(),
						MatchKind.PHONETIC, 0.7);
			}
		}
		return null;
	}

	/** Whether {@code a} spells the end of the acronym, letter by letter or rhyming. */
	private static boolean rhymesWithEnd(String a, String acronym, boolean lastMayRhyme) {
		if (a.length() > acronym.length()) {
			return false;
		}
		String end = acronym.substring(acronym.length() - a.length());
		for (int j = 0; j < a.length(); j++) {
			if (a.charAt(j) != end.charAt(j) && !rhyme(a.charAt(j), end.charAt(j))) {
				return false;
			}
		}
		// the last letter is heard best, unless the episode names the topic often
		return lastMayRhyme || a.charAt(a.length() - 1) == end.charAt(end.length() - 1);
	}

	private static boolean rhyme(char x, char y) {
		boolean gj = (x == 'g' && y == 'j') || (x == 'j' && y == 'g');
		return gj || (RHYMES.indexOf(x) >= 0 && RHYMES.indexOf(y) >= 0);
	}

	/**
	 * Whether {@code heard} (Latin letters or toneless pinyin) starts like the word: an
	 * onset of the same group, then the word's first vowel.
	 */
	private static boolean sounds(String heard, String word) {
		String o1 = onset(heard);
		String o2 = onset(word);
		if (o1 == null || o2 == null) {
			return false;
		}
		String rest = heard.substring(o1.length());
		String wordRest = word.substring(o2.length());
		return !rest.isEmpty() && !wordRest.isEmpty() && rest.charAt(0) == wordRest.charAt(0);
	}

	private static String onset(String s) {
		for (String o : ONSETS) {
			if (s.startsWith(o)) {
				return o;
			}
		}
		return null;
	}

	private static boolean hasVowel(String s) {
		for (int j = 0; j < s.length(); j++) {
			if ("aeiouy".indexOf(s.charAt(j)) >= 0) {
				return true;
			}
		}
		return false;
	}

}
