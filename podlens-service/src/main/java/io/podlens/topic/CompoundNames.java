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
