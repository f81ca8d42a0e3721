package io.podlens.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.utility.Predefine;
import org.jspecify.annotations.Nullable;

/**
 * Finds forms in a text that look like names, whether or not any taxonomy knows them: the
 * raw material of the discovery of new topics. Four sources:
 * <ul>
 * <li>Latin-script words inside Chinese speech ({@code ChairGBT}, {@code Deep seek}):
 * Chinese talk switches to Latin letters almost only for names and terms;</li>
 * <li>model-like tokens in any text: letters with digits and versions ({@code Qwen2.5},
 * {@code R1}, {@code o3-mini}, {@code Llama 3});</li>
 * <li>capitalised words and acronyms in English text, except at the start of a sentence,
 * in title-cased lines, and ordinary words ({@link WordLists#COMMON_ENGLISH}, stopwords,
 * days, months, nationalities);</li>
 * <li>Chinese person names ({@code nr}) and names written by sound ({@code nrf},
 * transliterated foreign names such as 扎克伯格), tagged by HanLP's role-tagging models, then
 * guarded: no dictionary words, no function characters, no span that cuts through a
 * dictionary word.</li>
 * </ul>
 * The finder only proposes; how often and in how many episodes a form occurs decides
 * whether it is shown. Thread-safe.
 */
public final class NameCandidates {

	/** Where a candidate comes from. */
	public enum Kind {

		/** Latin-script name inside Chinese speech. */
		LATIN_IN_CHINESE("latin-in-chinese"),
		/** Letters with digits or versions. */
		MODEL_LIKE("model-like"),
		/** Capitalised words or an acronym inside English text. */
		CAPITALIZED("capitalized"),
		/** A Chinese person name. */
		CHINESE_PERSON("chinese-person"),
		/** A foreign name written in Chinese characters by its sound. */
		TRANSLITERATED("transliterated"),
		/**
		 * A person the episode names in full and then by the first name
		 * ({@link IntroducedNames}).
		 */
		INTRODUCED_PERSON("introduced-person"),
		/**
		 * An organisation the episode's speakers say they work for
		 * ({@link IntroducedNames}).
		 */
		INTRODUCED_COMPANY("introduced-company"),
		/** A podcast the episode names ({@link IntroducedNames}). */
		INTRODUCED_PODCAST("introduced-podcast");

		private final String json;

		Kind(String json) {
			this.json = json;
		}

		public String json() {
			return this.json;
		}

		public static Kind of(String json) {
			for (Kind kind : values()) {
				if (kind.json.equals(json)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("no candidate kind " + json);
		}

	}

	/**
	 * A form that may be a name.
	 *
	 * @param start first character in the text
	 * @param end character after it
	 * @param surface the text between, as written
	 */
	public record Found(int start, int end, String surface, Kind kind) {

		/** {@link NameCandidates#soundKey} of the surface. */
		public String soundKey() {
			return NameCandidates.soundKey(this.surface);
		}

	}

	/** Capitalised words that are not names: days, months, languages, peoples. */
	static final Set<String> NOT_NAMES = WordLists.load("capitalized-non-names.txt", Folding::key);

	/**
	 * Most Latin tokens a run inside Chinese speech may have; longer is an English quote.
	 */
	static final int MAX_LATIN_RUN = 4;

	/** Longest lower-case word in Chinese speech taken as an acronym read out. */
	static final int MAX_SPOKEN_ACRONYM = 4;

	/** Most tokens of a capitalised name in English text. */
	static final int MAX_NAME_TOKENS = 4;

	/** Share of capitalised words above which a line is title case, not names. */
	static final double TITLE_CASE = 0.6;

	/** Characters a Chinese name (nr) never starts with: function words. */
	private static final String NOT_NAME_START = "那都才就这也还又只很更再把被让给对从在将是有的了和与或而但";

	/** Characters a Chinese name (nr) never contains: particles and function words. */
	private static final String NOT_IN_NAME = "的了是就也都很吗呢吧啊得着过么们这那和在有";

	/** Sizes, counts and ordinals: 70B, 16k, 10x, 3rd, 90s, 4pm. */
	private static final Pattern SIZE = Pattern.compile("\\d+(?:[kmbgtx]|st|nd|rd|th|s|am|pm|d|p|gb|mb|kb|tb|ms)");

	private static final String SENTENCE_END = ".?!。？！…";

	private final boolean chineseNames;

	private volatile @Nullable Segment segmenter;

	private NameCandidates(boolean chineseNames) {
		this.chineseNames = chineseNames;
	}

	/**
	 * A finder.
	 * @param chineseNames whether to tag Chinese person names and transliterations with
	 * HanLP (its dictionaries load on first use: about two seconds and 40 MB of heap)
	 */
	public static NameCandidates create(boolean chineseNames) {
		return new NameCandidates(chineseNames);
	}

	/**
	 * Candidate names in the texts of one episode, with the episode's own evidence of
	 * case applied: a single plain word (no digits, not in capitals) is a name only when
	 * the episode writes it with a capital more often than without (Hardware, Revenue and
	 * a lower-case "output" in Chinese speech are ordinary words; Nvidia and Zenlytic are
	 * written with their capital throughout). Lower-case words of up to
	 * {@link #MAX_SPOKEN_ACRONYM} letters in Chinese speech are kept: acronyms read out
	 * (gpu, rhf).
	 * @return per text, its candidates in order of position
	 */
	public List<List<Found>> findAll(List<String> texts) {
		Map<String, int[]> cases = new HashMap<>();
		List<List<Found>> all = new ArrayList<>(texts.size());
		for (String text : texts) {
			for (Token token : Tokens.of(text)) {
				if (!token.han() && token.hasLetter() && !token.hasDigit() && !token.allCaps()) {
					cases.computeIfAbsent(token.key(), (k) -> new int[2])[token.capitalized() ? 0 : 1]++;
				}
			}
			all.add(find(text));
		}
		for (List<Found> found : all) {
			found.removeIf((f) -> !casePasses(f, cases));
		}
		return all;
	}

	private static boolean casePasses(Found found, Map<String, int[]> cases) {
		if (found.kind() != Kind.CAPITALIZED && found.kind() != Kind.LATIN_IN_CHINESE) {
			return true;
		}
		List<Token> tokens = Tokens.of(found.surface());
		if (tokens.size() != 1 || tokens.get(0).allCaps() || tokens.get(0).hasDigit()) {
			return true;
		}
		Token token = tokens.get(0);
		int[] seen = cases.getOrDefault(token.key(), new int[2]);
		if (!token.capitalized() && found.kind() == Kind.LATIN_IN_CHINESE
				&& token.key().length() <= MAX_SPOKEN_ACRONYM) {
			return true;
		}
		return seen[0] > seen[1];
	}

	/** Candidate names in one text (a segment), in order of position, not overlapping. */
	public List<Found> find(String text) {
		List<Token> tokens = Tokens.of(text);
		List<Found> found = new ArrayList<>();
		int han = 0;
		int latin = 0;
		for (Token token : tokens) {
			if (token.han()) {
				han++;
			}
			else if (token.hasLetter()) {
				latin++;
			}
		}
		boolean chinese = han >= 2 && han >= latin;
		latinCandidates(text, tokens, chinese, found);
		if (chinese && this.chineseNames) {
			hanCandidates(text, found);
		}
		found.sort((a, b) -> Integer.compare(a.start(), b.start()));
		return found;
	}

	/**
	 * The key variants of one name share: Latin letters by {@link LatinSound#key} of the
	 * whole Latin run (so {@code Deep seek} and {@code DeepSeek} agree), Han characters
	 * by their {@link Pinyin#merged merged pinyin}, pieces separated by spaces.
	 */
	public static String soundKey(String name) {
		StringBuilder key = new StringBuilder();
		StringBuilder run = new StringBuilder();
		for (Token token : Tokens.of(Folding.width(name))) {
			if (token.han()) {
				flushLatin(run, key);
				append(key, Pinyin.merged(token.key().codePointAt(0)));
			}
			else {
				run.append(token.key());
			}
		}
		flushLatin(run, key);
		return key.toString();
	}

	private static void flushLatin(StringBuilder run, StringBuilder key) {
		if (!run.isEmpty()) {
			append(key, LatinSound.key(run.toString()));
			run.setLength(0);
		}
	}

	private static void append(StringBuilder key, String piece) {
		if (piece.isEmpty()) {
			return;
		}
		if (!key.isEmpty()) {
			key.append(' ');
		}
		key.append(piece);
	}

	// ---- Latin script

	private void latinCandidates(String text, List<Token> tokens, boolean chinese, List<Found> found) {
		boolean titleCase = !chinese && isTitleCase(tokens);
		int i = 0;
		while (i < tokens.size()) {
			if (tokens.get(i).han()) {
				i++;
				continue;
			}
			// a run of Latin tokens held together by spaces or name punctuation
			int end = i + 1;
			while (end < tokens.size() && !tokens.get(end).han() && tokens.get(end).gapBefore()) {
				end++;
			}
			if (chinese && end - i <= MAX_LATIN_RUN) {
				latinInChinese(text, tokens, i, end, found);
			}
			else {
				english(text, tokens, i, end, titleCase, found);
			}
			i = end;
		}
	}

	/**
	 * A Latin run in Chinese speech is a name unless it is made of ordinary words only.
	 */
	private static void latinInChinese(String text, List<Token> tokens, int from, int to, List<Found> found) {
		int start = from;
		int end = to;
		while (start < end && weakInChinese(text, tokens.get(start), start == end - 1)) {
			start++;
		}
		while (end > start && weakInChinese(text, tokens.get(end - 1), false) && !isVersion(tokens, end - 1)) {
			end--;
		}
		if (start >= end) {
			return;
		}
		boolean ordinary = true;
		boolean modelLike = false;
		for (int t = start; t < end; t++) {
			Token token = tokens.get(t);
			modelLike |= token.hasDigit() && token.hasLetter();
			if (token.capitalized() || token.hasDigit() || !WordLists.COMMON_ENGLISH.contains(token.key())) {
				ordinary = false;
			}
		}
		if (ordinary || (end - start == 1 && tokens.get(start).key().length() < 2)) {
			return;
		}
		add(text, tokens.get(start).start(), tokens.get(end - 1).end(),
				modelLike ? Kind.MODEL_LIKE : Kind.LATIN_IN_CHINESE, found);
	}

	/** Stopwords, single letters and bare numbers do not start or end a name. */
	private static boolean weakInChinese(String text, Token token, boolean alone) {
		String key = token.key();
		if (!token.hasLetter()) {
			return true;
		}
		if (SIZE.matcher(key).matches()) {
			return true;
		}
		if (key.length() == 1 && !token.allCaps()) {
			// "p PDF": a lone letter; a capital alone may be a spelled name
			return !alone || !token.capitalized();
		}
		return WordLists.STOPWORDS.contains(key);
	}

	private void english(String text, List<Token> tokens, int from, int to, boolean titleCase, List<Found> found) {
		int i = from;
		while (i < to) {
			Token token = tokens.get(i);
			if (!startsName(token, titleCase)) {
				i++;
				continue;
			}
			int end = i + 1;
			while (end < to && end - i < MAX_NAME_TOKENS * 2) {
				Token next = tokens.get(end);
				boolean tight = tight(text, tokens.get(end - 1), next);
				if (tight || continuesName(next, titleCase) || isVersion(tokens, end)) {
					end++;
				}
				else {
					break;
				}
			}
			englishRun(text, tokens, i, end, found);
			i = end;
		}
	}

	private static boolean startsName(Token token, boolean titleCase) {
		if (isModelLike(token)) {
			return true;
		}
		return !titleCase && (token.capitalized() || token.allCaps()) && token.hasLetter();
	}

	private static boolean continuesName(Token token, boolean titleCase) {
		return isModelLike(token) || (!titleCase && token.capitalized() && token.hasLetter());
	}

	/** A short number right after a name: {@code Llama 3}, {@code GPT 4}. */
	private static boolean isVersion(List<Token> tokens, int at) {
		if (at == 0 || at >= tokens.size()) {
			return false;
		}
		Token token = tokens.get(at);
		Token previous = tokens.get(at - 1);
		return !token.han() && !previous.han() && !token.hasLetter() && token.key().length() <= 3
				&& (previous.capitalized() || previous.allCaps() || isModelLike(previous) || previous.hasDigit());
	}

	/** Letters with digits, not a size or an ordinal: R1, V3, o3, 4o, Qwen2, H100. */
	private static boolean isModelLike(Token token) {
		return !token.han() && token.hasDigit() && token.hasLetter() && !SIZE.matcher(token.key()).matches();
	}

	/** Joined by a hyphen or a dot alone: one word ({@code o3-mini}, {@code 2.5}). */
	private static boolean tight(String text, Token a, Token b) {
		if (b.start() - a.end() != 1) {
			return false;
		}
		char c = text.charAt(a.end());
		return c == '-' || c == '.' || c == '_';
	}

	private static void englishRun(String text, List<Token> tokens, int from, int to, List<Found> found) {
		int start = from;
		int end = to;
		boolean sentenceStart = sentenceStart(text, tokens, from);
		// "The OpenAI": a capitalised function word is no part of the name
		while (start < end && weakInEnglish(tokens.get(start))) {
			start++;
			sentenceStart = false;
		}
		while (end > start && weakInEnglish(tokens.get(end - 1)) && !isVersion(tokens, end - 1)) {
			end--;
		}
		if (start >= end) {
			return;
		}
		boolean modelLike = false;
		boolean ordinary = true;
		for (int t = start; t < end; t++) {
			Token token = tokens.get(t);
			modelLike |= isModelLike(token)
					|| (t > start && (tight(text, tokens.get(t - 1), token) || isVersion(tokens, t)));
			String key = token.key();
			// US, IT, AM: an ordinary word in capitals; GPU and RLHF are not
			if (token.hasDigit() || !ordinaryWord(key) || (token.allCaps() && key.length() > 3)) {
				ordinary = false;
			}
		}
		if (modelLike) {
			add(text, tokens.get(start).start(), tokens.get(end - 1).end(), Kind.MODEL_LIKE, found);
			return;
		}
		if (ordinary) {
			return;
		}
		// One capitalised word opening a sentence may be any word.
		Token first = tokens.get(start);
		if (end - start == 1 && sentenceStart && !first.allCaps()) {
			return;
		}
		if (end - start == 1 && first.key().length() < 2) {
			return;
		}
		add(text, first.start(), tokens.get(end - 1).end(), Kind.CAPITALIZED, found);
	}

	private static boolean ordinaryWord(String key) {
		return WordLists.COMMON_ENGLISH.contains(key) || WordLists.STOPWORDS.contains(key) || NOT_NAMES.contains(key);
	}

	private static boolean weakInEnglish(Token token) {
		String key = token.key();
		if (!token.hasLetter()) {
			return true;
		}
		if (token.hasDigit()) {
			return SIZE.matcher(key).matches();
		}
		if (key.length() == 1) {
			return true;
		}
		return WordLists.STOPWORDS.contains(key) || NOT_NAMES.contains(key);
	}

	/** Whether a token opens the text or follows the end of a sentence. */
	private static boolean sentenceStart(String text, List<Token> tokens, int at) {
		int from = (at == 0) ? 0 : tokens.get(at - 1).end();
		for (int c = from; c < tokens.get(at).start(); c++) {
			if (SENTENCE_END.indexOf(text.charAt(c)) >= 0) {
				return true;
			}
		}
		if (at == 0) {
			return true;
		}
		// Chinese before a Latin word ends nothing, but a new clause of English may start
		return false;
	}

	/** Captions that capitalise most words tell nothing by their capitals. */
	private static boolean isTitleCase(List<Token> tokens) {
		int words = 0;
		int capitalised = 0;
		for (int i = 1; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (!token.han() && token.hasLetter() && !token.hasDigit()) {
				words++;
				if (token.capitalized()) {
					capitalised++;
				}
			}
		}
		return words >= 4 && capitalised > TITLE_CASE * words;
	}

	// ---- Han script

	private void hanCandidates(String text, List<Found> found) {
		String simplified = simplifiedPerCharacter(text);
		List<Words.Segment> words = Words.of(simplified);
		List<Term> terms = segmenter().seg(simplified);
		for (Term term : terms) {
			String nature = String.valueOf(term.nature);
			boolean person = "nr".equals(nature);
			boolean foreign = "nrf".equals(nature);
			if (!person && !foreign) {
				continue;
			}
			int start = term.offset;
			int end = start + term.word.length();
			while (start < end && isNameDot(simplified.charAt(start))) {
				start++;
			}
			while (end > start && isNameDot(simplified.charAt(end - 1))) {
				end--;
			}
			String word = simplified.substring(start, end);
			if (acceptedHanName(word, person) && !cutsThroughAWord(words, start, end)
					&& !(person && isOneWord(words, start, end)) && free(found, start, end)) {
				add(text, start, end, person ? Kind.CHINESE_PERSON : Kind.TRANSLITERATED, found);
			}
		}
	}

	static boolean acceptedHanName(String word, boolean person) {
		int letters = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (isNameDot(c)) {
				continue;
			}
			if (!Folding.isHan(c)) {
				return false;
			}
			letters++;
		}
		if (letters < 2 || (person && letters > 4)) {
			return false;
		}
		if (word.chars().distinct().count() == 1) {
			// 耶耶, 哈哈: a sound repeated
			return false;
		}
		CoreDictionary.Attribute known = CoreDictionary.get(word);
		if (known != null && known.nature.length > 0 && !String.valueOf(known.nature[0]).startsWith("nr")) {
			// a dictionary word first (高管, 晶圆), whatever the tagger made of it
			return false;
		}
		if (person) {
			if (NOT_NAME_START.indexOf(word.charAt(0)) >= 0) {
				return false;
			}
			for (int i = 0; i < word.length(); i++) {
				if (NOT_IN_NAME.indexOf(word.charAt(i)) >= 0) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Whether a dictionary word of two or more characters begins before the span and ends
	 * inside it, or begins inside and ends after it: 圆厂 out of 晶圆厂, 齐为 out of 对齐.
	 */
	static boolean cutsThroughAWord(List<Words.Segment> words, int start, int end) {
		for (Words.Segment w : words) {
			if (w.start() >= end) {
				break;
			}
			if (!w.word() || w.length() < 2) {
				continue;
			}
			if ((w.start() < start && w.end() > start) || (w.start() < end && w.end() > end)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the span is exactly one dictionary word: 高管 and 晶圆 are words, and Chinese
	 * person names are rarely in the dictionary.
	 */
	static boolean isOneWord(List<Words.Segment> words, int start, int end) {
		for (Words.Segment w : words) {
			if (w.start() == start && w.end() == end && w.word()) {
				return true;
			}
		}
		return false;
	}

	private static boolean free(List<Found> found, int start, int end) {
		for (Found f : found) {
			if (f.start() < end && start < f.end()) {
				return false;
			}
		}
		return true;
	}

	private static boolean isNameDot(char c) {
		return c == '·' || c == '•' || c == '・' || c == '‧';
	}

	/**
	 * Traditional to Simplified character by character, so that offsets stay those of the
	 * text (HanLP's dictionaries are Simplified).
	 */
	private static String simplifiedPerCharacter(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x3400 && !Character.isSurrogate(c)) {
				String s = SimplifiedChinese.convert(String.valueOf(c));
				out.append((s.length() == 1) ? s.charAt(0) : c);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private Segment segmenter() {
		Segment current = this.segmenter;
		if (current == null) {
			synchronized (this) {
				current = this.segmenter;
				if (current == null) {
					// HanLP reports missing optional caches on stderr; nothing is missing
					// that matters here.
					Predefine.logger.setLevel(Level.SEVERE);
					current = HanLP.newSegment()
						.enableNameRecognize(true)
						.enableTranslatedNameRecognize(true)
						.enableJapaneseNameRecognize(false)
						.enablePlaceRecognize(false)
						.enableOrganizationRecognize(false)
						.enableOffset(true);
					this.segmenter = current;
				}
			}
		}
		return current;
	}

	private static void add(String text, int start, int end, Kind kind, List<Found> found) {
		found.add(new Found(start, end, text.substring(start, end), kind));
	}

}
