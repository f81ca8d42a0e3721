package io.podlens.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A Latin-to-Mandarin syllable model: how a Latin name is likely written when Chinese
 * speech (or a recogniser) renders it by its sound, as a sequence of {@link Slot slots},
 * each a choice of pinyin syllables. Words are split into English sounds by spelling
 * rules and each consonant-vowel pair is read off the Xinhua English-to-Chinese
 * transliteration table ({@code transliteration-en-zh.txt}, characters turned into pinyin
 * by {@link Pinyin}), so Claude gives 克劳德 (ke lao de), Mistral 米斯特拉(尔), Gemini 杰米尼;
 * capitals are spelled out as Chinese speakers say letters (GPT as 基批踢, LM as 艾勒 艾姆),
 * digits as Chinese numbers. {@link Rendering#match} measures how far a run of syllables
 * is from a rendering. Immutable and thread-safe.
 */
public final class Transliteration {

	/** The model over the table shipped with the kernel. */
	public static final Transliteration SHIPPED = load("transliteration-en-zh.txt");

	/** Cost of a reading of a vowel that is possible but not the first guess. */
	private static final double SECOND_READING = 0.15;

	/** Cost of leaving out a final l or r (米斯特拉 for Mistral, 奥特曼 for Altman). */
	private static final double DROP_LIQUID = 0.2;

	/** Cost of leaving out another bare consonant (a final s, a cluster's first). */
	private static final double DROP_CONSONANT = 0.5;

	/** Cost of a syllable in the text that the rendering does not have. */
	private static final double INSERTED = 0.8;

	/** Consonant sounds of the table, longest spelling first where it matters. */
	private final Map<String, Map<String, List<String>>> cells;

	private final Map<Character, List<List<String>>> letters;

	private final Map<Character, List<List<String>>> digits;

	/** Every character of the table and of the letter and digit readings. */
	private final Set<Integer> characters;

	/** The characters of the syllable table alone. */
	private final Set<Integer> tableCharacters;

	private final byte[] transliterationKnown = new byte[0x10000];

	private final byte[] tableKnown = new byte[0x10000];

	private Transliteration(Map<String, Map<String, List<String>>> cells, Map<Character, List<List<String>>> letters,
			Map<Character, List<List<String>>> digits, Set<Integer> characters, Set<Integer> tableCharacters) {
		this.cells = cells;
		this.letters = letters;
		this.digits = digits;
		this.characters = characters;
		this.tableCharacters = tableCharacters;
	}

	/**
	 * One position of a rendering: the syllable sequences that may stand there (a letter
	 * may take two or three syllables), each with a cost, and what leaving it out costs
	 * (infinite when it must be there); {@code bare} for a consonant without a vowel of
	 * its own (斯, 特, 尔).
	 */
	public record Slot(List<Reading> readings, double dropCost, boolean bare) {

		public Slot {
			readings = List.copyOf(readings);
		}

		Slot(List<Reading> readings, double dropCost) {
			this(readings, dropCost, false);
		}

		public boolean droppable() {
			return this.dropCost < Double.POSITIVE_INFINITY;
		}

	}

	/**
	 * Syllables that may stand for a slot, and how unlikely they are (0 first choice).
	 */
	public record Reading(List<String> syllables, double cost) {

		public Reading {
			syllables = List.copyOf(syllables);
		}

	}

	/**
	 * How a run of syllables matches a rendering.
	 *
	 * @param length syllables of the run taken
	 * @param cost summed cost of near sounds, second readings, left-out and inserted
	 * syllables
	 * @param distance cost per slot of the rendering
	 * @param dropped slots left out
	 */
	public record Match(int length, double cost, double distance, int dropped) {
	}

	/**
	 * The likely Chinese renderings of a Latin name: its slots in order, and the coarse
	 * {@link SyllableDistance#key keys} its first syllable may have.
	 */
	public record Rendering(String name, List<Slot> slots) {

		public Rendering {
			slots = List.copyOf(slots);
		}

		/** Keys of the syllables a rendering may start with (the first slot is kept). */
		public Set<String> firstKeys() {
			Set<String> keys = new LinkedHashSet<>();
			for (Reading reading : this.slots.get(0).readings()) {
				keys.add(SyllableDistance.key(reading.syllables().get(0)));
			}
			return keys;
		}

		/**
		 * Keys of the first two syllables a rendering may start with (the second by its
		 * {@link SyllableDistance#initialKey initial}), joined by a space (the second may
		 * come from the first slot's reading, the second slot, or the third when the
		 * second may be left out): an index on both lets a run be compared only with the
		 * few renderings that start like it.
		 */
		public Set<String> leadKeys() {
			Set<String> keys = new LinkedHashSet<>();
			for (Reading reading : this.slots.get(0).readings()) {
				String first = SyllableDistance.key(reading.syllables().get(0));
				if (reading.syllables().size() > 1) {
					keys.add(first + " " + SyllableDistance.initialKey(reading.syllables().get(1)));
					continue;
				}
				for (int i = 1; i < this.slots.size(); i++) {
					for (Reading next : this.slots.get(i).readings()) {
						keys.add(first + " " + SyllableDistance.initialKey(next.syllables().get(0)));
					}
					if (!this.slots.get(i).droppable()) {
						break;
					}
				}
			}
			return keys;
		}

		/** The fewest syllables a match can take. */
		public int minSyllables() {
			int n = 0;
			for (Slot slot : this.slots) {
				if (!slot.droppable()) {
					n += slot.readings().stream().mapToInt((r) -> r.syllables().size()).min().orElse(1);
				}
			}
			return n;
		}

		/**
		 * Syllables of the first choice of every slot: the length of the full rendering.
		 */
		public int syllables() {
			return this.slots.stream().mapToInt((slot) -> slot.readings().get(0).syllables().size()).sum();
		}

		/** Pinyin of the first choice of every slot, for tests and messages. */
		public String firstChoice() {
			StringBuilder out = new StringBuilder();
			for (Slot slot : this.slots) {
				if (out.length() > 0) {
					out.append(' ');
				}
				out.append(String.join(" ", slot.readings().get(0).syllables()));
			}
			return out.toString();
		}

		/**
		 * The best match of the rendering, whole, with the syllables starting at
		 * {@code from} and ending at most at {@code to}: the lowest distance, the longer
		 * on a tie; null when no end is within {@code maxDistance}. The first slot is
		 * never left out and nothing is inserted before it.
		 */
		public @Nullable Match match(List<String> syllables, int from, int to, double maxDistance) {
			int n = this.slots.size();
			int width = Math.min(to - from, maxWidth());
			if (width <= 0) {
				return null;
			}
			// cost[i][j]: the first i slots matched with j syllables; dropped counts
			// alongside
			double[][] cost = new double[n + 1][width + 1];
			int[][] drops = new int[n + 1][width + 1];
			for (double[] row : cost) {
				java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
			}
			cost[0][0] = 0;
			for (int i = 0; i < n; i++) {
				Slot slot = this.slots.get(i);
				for (int j = 0; j <= width; j++) {
					double here = cost[i][j];
					if (here == Double.POSITIVE_INFINITY) {
						continue;
					}
					if (i > 0 && j < width && here + INSERTED < cost[i][j + 1]) {
						// an extra syllable in the text, never before the first slot
						cost[i][j + 1] = here + INSERTED;
						drops[i][j + 1] = drops[i][j];
					}
					if (slot.droppable() && i > 0) {
						relax(cost, drops, i + 1, j, here + slot.dropCost(), drops[i][j] + 1);
					}
					for (Reading reading : slot.readings()) {
						int k = reading.syllables().size();
						if (j + k > width) {
							continue;
						}
						double c = here + reading.cost();
						for (int m = 0; m < k && c < Double.POSITIVE_INFINITY; m++) {
							c += SyllableDistance.of(reading.syllables().get(m), syllables.get(from + j + m));
						}
						relax(cost, drops, i + 1, j + k, c, drops[i][j]);
					}
				}
			}
			Match best = null;
			for (int j = 1; j <= width; j++) {
				double c = cost[n][j];
				if (c == Double.POSITIVE_INFINITY) {
					continue;
				}
				double distance = c / n;
				if (distance <= maxDistance + 1e-9 && (best == null || distance < best.distance() - 1e-9
						|| (Math.abs(distance - best.distance()) <= 1e-9 && j > best.length()))) {
					best = new Match(j, c, distance, drops[n][j]);
				}
			}
			return best;
		}

		/**
		 * The most syllables a match can take: every slot's longest reading, plus one.
		 */
		private int maxWidth() {
			int n = 1;
			for (Slot slot : this.slots) {
				n += slot.readings().stream().mapToInt((r) -> r.syllables().size()).max().orElse(1);
			}
			return n;
		}

		private static void relax(double[][] cost, int[][] drops, int i, int j, double c, int d) {
			if (c < cost[i][j] - 1e-12 || (Math.abs(c - cost[i][j]) <= 1e-12 && d < drops[i][j])) {
				cost[i][j] = c;
				drops[i][j] = d;
			}
		}

	}

	/**
	 * Whether a character is one the table or the letter readings use: renderings of
	 * foreign names are written almost only with such characters.
	 */
	public boolean isTransliterationCharacter(int codePoint) {
		return known(codePoint, this.transliterationKnown, this.characters);
	}

	/**
	 * Whether a character is one of the syllable table's (not only a letter's or a
	 * digit's reading): next to a run, it shows the run may be part of a longer foreign
	 * name (西斯科 inside 弗朗西斯科).
	 */
	public boolean isTableCharacter(int codePoint) {
		return known(codePoint, this.tableKnown, this.tableCharacters);
	}

	/**
	 * Whether the character, or its Simplified form, is in the set. Asked for every Han
	 * character of a transcript, so answers are kept by BMP code point (0 not yet known,
	 * 1 yes, 2 no; a racy fill is harmless).
	 */
	private static boolean known(int codePoint, byte[] cache, Set<Integer> set) {
		if (codePoint < cache.length && cache[codePoint] != 0) {
			return cache[codePoint] == 1;
		}
		boolean in = set.contains(codePoint)
				|| set.contains(SimplifiedChinese.convert(Character.toString(codePoint)).codePointAt(0));
		if (codePoint < cache.length) {
			cache[codePoint] = (byte) (in ? 1 : 2);
		}
		return in;
	}

	/**
	 * The rendering of a Latin name, or null when it has no letters or digits or is
	 * written in another script. Words are split at spaces, hyphens, letter-digit and
	 * lower-to-upper case changes (ChatGPT as Chat + GPT); a part in capitals of up to
	 * four letters, or with no vowel, is spelled out; longer capitals are read as a word
	 * (NVIDIA).
	 */
	public @Nullable Rendering render(String name) {
		List<Slot> slots = new ArrayList<>();
		for (String word : name.split("[^\\p{IsLatin}\\p{Nd}]+")) {
			for (String part : word.split("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{Nd})|(?<=\\p{Nd})(?=\\p{L})")) {
				if (part.isEmpty()) {
					continue;
				}
				if (!part.chars().allMatch((c) -> (c < 0x80 && Character.isLetterOrDigit(c)))) {
					return null;
				}
				if (Character.isDigit(part.charAt(0))) {
					for (char d : part.toCharArray()) {
						slots.add(new Slot(readings(this.digits.get(d)), Double.POSITIVE_INFINITY));
					}
				}
				else if (spelledOut(part)) {
					for (char c : part.toUpperCase(Locale.ROOT).toCharArray()) {
						slots.add(new Slot(readings(this.letters.get(c)), Double.POSITIVE_INFINITY));
					}
				}
				else {
					slots.addAll(word(part.toLowerCase(Locale.ROOT)));
				}
			}
		}
		return slots.isEmpty() ? null : new Rendering(name, slots);
	}

	private static boolean spelledOut(String part) {
		boolean caps = part.chars().allMatch(Character::isUpperCase);
		boolean vowel = part.toLowerCase(Locale.ROOT).chars().anyMatch((c) -> "aeiouy".indexOf(c) >= 0);
		return (caps && part.length() <= 4) || (caps && !vowel) || part.length() == 1;
	}

	private static List<Reading> readings(List<List<String>> forms) {
		List<Reading> out = new ArrayList<>();
		for (List<String> form : forms) {
			out.add(new Reading(form, 0));
		}
		return out;
	}

	// ---- spelling to sounds

	/** A consonant sound (a row of the table) or a vowel (columns with costs). */
	private record Unit(@Nullable List<String> consonants, @Nullable Map<String, Double> vowels) {

		boolean vowel() {
			return this.vowels != null;
		}

		boolean is(String consonant) {
			return this.consonants != null && this.consonants.contains(consonant);
		}

	}

	private static Unit consonant(String... rows) {
		return new Unit(List.of(rows), null);
	}

	private static Unit vowel(Object... columnsAndCosts) {
		Map<String, Double> v = new java.util.LinkedHashMap<>();
		for (int i = 0; i < columnsAndCosts.length; i += 2) {
			v.put((String) columnsAndCosts[i], (Double) columnsAndCosts[i + 1]);
		}
		return new Unit(null, v);
	}

	private static final double S = SECOND_READING;

	/** English spelling to sounds: consonant digraphs, soft c and g, vowel groups. */
	static List<Unit> sounds(String w) {
		List<Unit> units = new ArrayList<>();
		int n = w.length();
		String word = w;
		// a final silent e after a consonant, when another vowel carries the word
		boolean silentE = n >= 4 && word.endsWith("e") && !isVowel(word.charAt(n - 2))
				&& word.substring(0, n - 2).chars().anyMatch((c) -> isVowel((char) c));
		if (silentE) {
			word = word.substring(0, n - 1);
			n--;
		}
		int i = 0;
		while (i < n) {
			char c = word.charAt(i);
			String rest = word.substring(i);
			char next = (i + 1 < n) ? word.charAt(i + 1) : ' ';
			if (isVowel(c) || (c == 'y' && i > 0 && !isVowel(next))) {
				int end = i + 1;
				while (end < n && (isVowel(word.charAt(end)) || ((word.charAt(end) == 'w' || word.charAt(end) == 'y')
						&& (end + 1 >= n || !isVowel(word.charAt(end + 1)))))) {
					end++;
				}
				vowels(word.substring(i, end), units, end == n && silentE);
				i = end;
				continue;
			}
			Unit unit;
			int len = 1;
			if (rest.startsWith("tch")) {
				unit = consonant("ch");
				len = 3;
			}
			else if (rest.startsWith("sch")) {
				unit = consonant("sh");
				len = 3;
			}
			else if (rest.startsWith("ch")) {
				unit = consonant("ch", "k");
				len = 2;
			}
			else if (rest.startsWith("sh")) {
				unit = consonant("sh");
				len = 2;
			}
			else if (rest.startsWith("th")) {
				unit = consonant("th", "t");
				len = 2;
			}
			else if (rest.startsWith("ph")) {
				unit = consonant("f");
				len = 2;
			}
			else if (rest.startsWith("gh")) {
				len = 2;
				unit = (i == 0) ? consonant("g") : null;
			}
			else if (rest.startsWith("ck")) {
				unit = consonant("k");
				len = 2;
			}
			else if (rest.startsWith("qu")) {
				unit = consonant("kw");
				len = 2;
			}
			else if (rest.startsWith("wh")) {
				// 惠 (hui) as often as 威 (wei): Whitney 惠特尼
				unit = consonant("w", "h");
				len = 2;
			}
			else if (i == 0 && (rest.startsWith("kn") || rest.startsWith("wr") || rest.startsWith("ps"))) {
				unit = consonant(rest.substring(1, 2));
				len = 2;
			}
			else if (rest.startsWith("dg")) {
				unit = consonant("j");
				len = 2;
			}
			else if (rest.startsWith("ng") && (i + 2 >= n || !isVowel(word.charAt(i + 2)))) {
				unit = consonant("ng");
				len = 2;
			}
			else if (c == 'x') {
				if (i == 0) {
					unit = consonant("s", "z");
				}
				else {
					units.add(consonant("k"));
					unit = consonant("s");
				}
			}
			else if (c == 'c') {
				unit = (next == 'e' || next == 'i' || next == 'y') ? consonant("s") : consonant("k");
			}
			else if (c == 'g') {
				unit = (next == 'e' || next == 'i' || next == 'y') ? consonant("j", "g") : consonant("g");
			}
			else if (c == 'q') {
				unit = consonant("k");
			}
			else if (c == 'y' || c == 'w') {
				unit = isVowel(next) ? consonant(String.valueOf(c)) : vowel((c == 'y') ? "i" : "u", 0.0);
			}
			else if (c >= 'a' && c <= 'z') {
				unit = consonant(String.valueOf(c));
			}
			else {
				unit = null;
			}
			if (unit != null) {
				Unit previous = units.isEmpty() ? null : units.get(units.size() - 1);
				// a doubled consonant is one sound
				if (previous == null || previous.vowel() || !previous.consonants().equals(unit.consonants())) {
					units.add(unit);
				}
			}
			i += len;
		}
		return units;
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
	}

	/** A run of vowel letters as one or more vowel sounds. */
	private static void vowels(String group, List<Unit> units, boolean beforeSilentE) {
		int i = 0;
		while (i < group.length()) {
			String two = (i + 2 <= group.length()) ? group.substring(i, i + 2) : "";
			Unit unit = switch (two) {
				case "ee" -> vowel("i", 0.0);
				case "ea" -> vowel("i", 0.0, "e", S);
				case "ie" -> vowel("i", 0.0, "ai", S);
				case "ei", "ey" -> vowel("ai", 0.0, "ei", 0.0, "i", S);
				case "ai", "ay" -> vowel("ai", 0.0, "ei", S);
				case "au", "aw" -> vowel("ao", 0.0, "o", S);
				case "ou", "ow" -> vowel("ao", 0.0, "ou", 0.0, "u", S);
				case "oo" -> vowel("u", 0.0);
				case "oa", "oe" -> vowel("ou", 0.0, "o", 0.0);
				case "ue", "ew", "eu" -> vowel("u", 0.0, "ou", S);
				default -> null;
			};
			if (unit != null) {
				units.add(unit);
				i += 2;
				continue;
			}
			char c = group.charAt(i);
			boolean last = i == group.length() - 1;
			if (i > 0) {
				// vowels that do not make a known pair are two syllables (Nvidia: di-ya)
				units.add(consonant("y"));
			}
			boolean longVowel = beforeSilentE && last;
			units.add(switch (c) {
				case 'a' -> longVowel ? vowel("ai", 0.0, "a", S, "ei", 0.0) : vowel("a", 0.0, "ai", S);
				case 'e' -> vowel("e", 0.0, "ei", S, "i", S);
				case 'i', 'y' -> longVowel ? vowel("ai", 0.0, "i", S) : vowel("i", 0.0, "ai", S);
				case 'o' -> vowel("o", 0.0, "ou", S, "ao", S);
				default -> vowel("u", 0.0, "a", S, "ou", S);
			});
			i++;
		}
	}

	/** The slots of one word spelled in lower case. */
	private List<Slot> word(String w) {
		List<Unit> units = sounds(w);
		List<Slot> slots = new ArrayList<>();
		List<Unit> pending = new ArrayList<>();
		for (int u = 0; u < units.size(); u++) {
			Unit unit = units.get(u);
			if (!unit.vowel()) {
				pending.add(unit);
				continue;
			}
			for (int p = 0; p < pending.size() - 1; p++) {
				slots.add(bare(pending.get(p), slots.isEmpty()));
			}
			Unit onset = pending.isEmpty() ? null : pending.get(pending.size() - 1);
			pending.clear();
			Map<String, Double> columns = new java.util.LinkedHashMap<>(unit.vowels());
			// "al" before a consonant is often 奥 (Altman 奥特曼)
			Unit after = (u + 1 < units.size()) ? units.get(u + 1) : null;
			Unit afterNext = (u + 2 < units.size()) ? units.get(u + 2) : null;
			if (columns.containsKey("a") && after != null && after.is("l") && afterNext != null && !afterNext.vowel()) {
				columns.putIfAbsent("ao", 0.1);
			}
			// e, i, u before a final or pre-consonant r are a schwa: 珀 (po) in Whisper, 纳
			// in Turner
			if (after != null && after.is("r") && (afterNext == null || !afterNext.vowel())
					&& (columns.containsKey("e") || columns.containsKey("u"))) {
				columns.putIfAbsent("o", SECOND_READING);
				columns.putIfAbsent("a", SECOND_READING);
			}
			boolean nasalCoda = after != null && (after.is("n") || after.is("ng") || after.is("m"))
					&& (afterNext == null || !afterNext.vowel());
			if (nasalCoda) {
				boolean m = after.is("m");
				Map<String, Double> nasal = new java.util.LinkedHashMap<>();
				for (Map.Entry<String, Double> column : columns.entrySet()) {
					String coda = nasalColumn(column.getKey(), after.is("ng"));
					if (coda != null) {
						nasal.merge(coda, column.getValue() + (m ? 0.1 : 0), Math::min);
					}
				}
				if (!m) {
					columns = nasal;
					u++;
				}
				else {
					// m is 姆 after the vowel or closes it as a nasal
					for (Map.Entry<String, Double> coda : nasal.entrySet()) {
						columns.merge(coda.getKey(), coda.getValue(), Math::min);
					}
				}
			}
			slots.add(syllable(onset, columns));
		}
		for (Unit unit : pending) {
			slots.add(bare(unit, slots.isEmpty()));
		}
		return slots;
	}

	private static @Nullable String nasalColumn(String column, boolean velar) {
		return switch (column) {
			case "a", "ai" -> velar ? "ang" : "an";
			case "e", "ei" -> "en";
			case "i" -> "in";
			case "o", "ou", "ao" -> velar ? "ong" : "ong";
			case "u" -> "un";
			default -> null;
		};
	}

	private Slot syllable(@Nullable Unit onset, Map<String, Double> columns) {
		List<String> rows = (onset == null) ? List.of("0") : onset.consonants();
		List<Reading> readings = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int r = 0; r < rows.size(); r++) {
			String row = rows.get(r).equals("ng") ? "n" : rows.get(r);
			double rowCost = (r == 0) ? 0 : SECOND_READING;
			for (Map.Entry<String, Double> column : columns.entrySet()) {
				for (String syllable : cell(row, column.getKey())) {
					if (seen.add(syllable)) {
						readings.add(new Reading(List.of(syllable), rowCost + column.getValue()));
					}
				}
			}
		}
		return new Slot(readings, Double.POSITIVE_INFINITY);
	}

	/** A consonant without a vowel of its own: 斯 for s, 尔 for l; may be left out. */
	private Slot bare(Unit unit, boolean first) {
		List<Reading> readings = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<String> rows = unit.consonants();
		for (int r = 0; r < rows.size(); r++) {
			String row = rows.get(r).equals("ng") ? "n" : rows.get(r);
			for (String syllable : cell(row, "-")) {
				if (seen.add(syllable)) {
					readings.add(new Reading(List.of(syllable), (r == 0) ? 0 : SECOND_READING));
				}
			}
		}
		if (readings.isEmpty()) {
			readings.add(new Reading(List.of("e"), 0));
		}
		boolean liquid = unit.is("l") || unit.is("r") || unit.is("n") || unit.is("ng") || unit.is("m");
		double drop = first ? Double.POSITIVE_INFINITY : (liquid ? DROP_LIQUID : DROP_CONSONANT);
		return new Slot(readings, drop, true);
	}

	private List<String> cell(String row, String column) {
		Map<String, List<String>> cellsOfRow = this.cells.getOrDefault(row, Map.of());
		List<String> found = cellsOfRow.get(column);
		if (found == null || found.isEmpty()) {
			found = this.cells.get("0").getOrDefault(column, List.of());
		}
		return found;
	}

	// ---- the table

	private static Transliteration load(String name) {
		String text;
		try (InputStream in = Transliteration.class.getResourceAsStream("/io/podlens/text/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + name);
			}
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Map<String, List<String>>> cells = new HashMap<>();
		Map<Character, List<List<String>>> letters = new HashMap<>();
		Map<Character, List<List<String>>> digits = new HashMap<>();
		Set<Integer> characters = new HashSet<>();
		Set<Integer> tableCharacters = new HashSet<>();
		List<String> columns = null;
		for (String raw : text.split("\n")) {
			int hash = raw.indexOf('#');
			String line = ((hash >= 0) ? raw.substring(0, hash) : raw).strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] fields = line.split("\\s+");
			switch (fields[0]) {
				case "columns" -> columns = List.of(fields).subList(1, fields.length);
				case "letter", "digit" -> {
					List<List<String>> forms = new ArrayList<>();
					for (int f = 2; f < fields.length; f++) {
						forms.add(syllables(fields[f], characters));
					}
					(fields[0].equals("letter") ? letters : digits).put(fields[1].charAt(0), forms);
				}
				default -> {
					if (columns == null || fields.length != columns.size() + 1) {
						throw new IllegalStateException(name + ": row '" + fields[0] + "' has " + (fields.length - 1)
								+ " cells, the columns are " + columns);
					}
					Map<String, List<String>> row = new HashMap<>();
					for (int f = 1; f < fields.length; f++) {
						if (fields[f].equals(".")) {
							continue;
						}
						List<String> pinyin = new ArrayList<>();
						for (String character : fields[f].split("/")) {
							String syllable = syllables(character, characters).get(0);
							tableCharacters.add(character.codePointAt(0));
							if (!pinyin.contains(syllable)) {
								pinyin.add(syllable);
							}
						}
						row.put(columns.get(f - 1), List.copyOf(pinyin));
					}
					cells.put(fields[0], row);
				}
			}
		}
		for (char c = 'A'; c <= 'Z'; c++) {
			if (!letters.containsKey(c)) {
				throw new IllegalStateException(name + ": no reading of the letter " + c);
			}
		}
		for (char c = '0'; c <= '9'; c++) {
			if (!digits.containsKey(c)) {
				throw new IllegalStateException(name + ": no reading of the digit " + c);
			}
		}
		return new Transliteration(cells, letters, digits, Set.copyOf(characters), Set.copyOf(tableCharacters));
	}

	/** The pinyin of each character of a reading; the characters are recorded. */
	private static List<String> syllables(String hanzi, Set<Integer> characters) {
		List<String> out = new ArrayList<>();
		hanzi.codePoints().forEach((cp) -> {
			String py = Pinyin.of(cp);
			if (py.isEmpty()) {
				throw new IllegalStateException("no pinyin for " + Character.toString(cp));
			}
			characters.add(cp);
			out.add(py);
		});
		return out;
	}

}
