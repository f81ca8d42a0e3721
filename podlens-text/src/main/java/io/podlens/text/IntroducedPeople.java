package io.podlens.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People an episode names in full and then by the first name alone: the hosts and guests
 * of an interview ("today I'm interviewing Ryan Jansen and Paul Blankley ... So, Ryan,
 * can you start"), who are in no taxonomy. A listener counts every one of these as a
 * mention of the person, so the episode itself is the evidence, not a list of people.
 * Rules: a full name is a given name ({@code given-names.txt}) followed by one
 * capitalised word that is not an ordinary English word, a day, month, language or place,
 * written in a line that is not in title case and not followed by a third capitalised
 * word; the first name alone refers to the one person of the episode with that given name
 * (two people named Paul in full leave "Paul" to nobody), when it is not itself an
 * ordinary word ("Will", "Mark"), is capitalised and not followed by a capitalised word
 * that would make it someone else's name; a person needs two references in the episode.
 * Plain Java, no state.
 */
public final class IntroducedPeople {

	/** Given names, folded. */
	static final Set<String> GIVEN_NAMES = WordLists.load("given-names.txt", Folding::key);

	/** References a person needs in an episode. */
	public static final int MIN_REFERENCES = 2;

	/** A Latin word, with an inner apostrophe or hyphen ("O'Neil", "Jean-Luc"). */
	private static final Pattern WORD = Pattern.compile("\\p{IsLatin}+(?:['’\\-]\\p{IsLatin}+)*");

	private IntroducedPeople() {
	}

	/**
	 * Where a person is mentioned.
	 *
	 * @param text index of the text in the episode's list
	 * @param start first character
	 * @param end character after it
	 * @param surface the text between: the full name or the first name
	 */
	public record Reference(int text, int start, int end, String surface) {
	}

	/**
	 * A person the episode introduces.
	 *
	 * @param name the full name as written most often
	 * @param soundKey {@link NameCandidates#soundKey} of the name, shared by its
	 * spellings
	 * @param references every reference in text order
	 */
	public record Person(String name, String soundKey, List<Reference> references) {

		public Person {
			references = List.copyOf(references);
		}

	}

	/** One word of a text. */
	private record Word(int start, int end, String text) {

		boolean capitalised() {
			return Character.isUpperCase(this.text.charAt(0)) && this.text.chars().anyMatch(Character::isLowerCase);
		}

		/** Without a possessive "'s". */
		String bare() {
			String lower = this.text.toLowerCase(Locale.ROOT);
			return (lower.endsWith("'s") || lower.endsWith("’s")) ? this.text.substring(0, this.text.length() - 2)
					: this.text;
		}

	}

	/**
	 * The people introduced in an episode.
	 * @param texts the episode's segment texts in order
	 */
	public static List<Person> find(List<String> texts) {
		List<List<Word>> words = new ArrayList<>(texts.size());
		texts.forEach((text) -> words.add(words(text)));
		// Given name -> surname sound key -> the full names written, with their count.
		Map<String, Map<String, Map<String, Integer>>> fullNames = new LinkedHashMap<>();
		for (List<Word> line : words) {
			if (titleCase(line)) {
				continue;
			}
			for (int i = 0; i + 1 < line.size(); i++) {
				String surname = surname(line, i);
				if (surname != null) {
					String full = line.get(i).text() + " " + surname;
					fullNames.computeIfAbsent(Folding.key(line.get(i).text()), (k) -> new LinkedHashMap<>())
						.computeIfAbsent(LatinSound.key(surname), (k) -> new HashMap<>())
						.merge(full, 1, Integer::sum);
				}
			}
		}
		List<Person> people = new ArrayList<>();
		for (Map.Entry<String, Map<String, Map<String, Integer>>> given : fullNames.entrySet()) {
			boolean firstNameIsTheirs = given.getValue().size() == 1 && given.getKey().length() >= 3
					&& !isOrdinary(given.getKey());
			for (Map<String, Integer> spellings : given.getValue().values()) {
				String name = mostWritten(spellings);
				List<Reference> references = references(texts, words, given.getKey(), spellings.keySet(),
						firstNameIsTheirs);
				if (references.size() >= MIN_REFERENCES) {
					people.add(new Person(name, NameCandidates.soundKey(name), references));
				}
			}
		}
		return people;
	}

	/** The spelling written most often; of equals the first in alphabetical order. */
	private static String mostWritten(Map<String, Integer> spellings) {
		String best = "";
		int most = 0;
		for (Map.Entry<String, Integer> e : spellings.entrySet()) {
			if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(best) < 0)) {
				best = e.getKey();
				most = e.getValue();
			}
		}
		return best;
	}

	/** The surname when the words at {@code i} and after are a full name, else null. */
	private static String surname(List<Word> line, int i) {
		Word first = line.get(i);
		Word second = line.get(i + 1);
		if (!first.capitalised() || !first.bare().equals(first.text())
				|| !GIVEN_NAMES.contains(Folding.key(first.text())) || !second.capitalised()
				|| second.start() != first.end() + 1) {
			return null;
		}
		String surname = second.bare();
		String key = Folding.key(surname);
		if (surname.length() < 2 || GIVEN_NAMES.contains(key) || isOrdinary(key)
				|| NameCandidates.NOT_NAMES.contains(key) || (surname.equals(second.text()) && i + 2 < line.size()
						&& line.get(i + 2).capitalised() && line.get(i + 2).start() == second.end() + 1)) {
			return null;
		}
		return surname;
	}

	private static List<Reference> references(List<String> texts, List<List<Word>> words, String givenKey,
			Set<String> fullNames, boolean byFirstName) {
		List<Reference> references = new ArrayList<>();
		for (int t = 0; t < words.size(); t++) {
			List<Word> line = words.get(t);
			for (int i = 0; i < line.size(); i++) {
				Word word = line.get(i);
				if (!word.capitalised() || !Folding.key(word.bare()).equals(givenKey)) {
					continue;
				}
				Word next = (i + 1 < line.size() && line.get(i + 1).start() == word.end() + 1) ? line.get(i + 1) : null;
				if (next != null && fullNames.contains(word.text() + " " + next.bare())) {
					references.add(new Reference(t, word.start(), next.start() + next.bare().length(),
							word.text() + " " + next.bare()));
					i++;
				}
				else if (byFirstName && (next == null || !next.capitalised())) {
					String bare = word.bare();
					references.add(new Reference(t, word.start(), word.start() + bare.length(), bare));
				}
			}
		}
		references.removeIf((r) -> !texts.get(r.text()).substring(r.start(), r.end()).equals(r.surface()));
		return references;
	}

	/** An ordinary English word: "Will", "Mark", "Long". */
	private static boolean isOrdinary(String key) {
		return WordLists.COMMON_ENGLISH.contains(key) || WordLists.FREQUENT_ENGLISH.contains(key)
				|| WordLists.STOPWORDS.contains(key);
	}

	private static List<Word> words(String text) {
		List<Word> words = new ArrayList<>();
		Matcher m = WORD.matcher(text);
		while (m.find()) {
			words.add(new Word(m.start(), m.end(), m.group()));
		}
		return words;
	}

	/**
	 * Most ordinary words capitalised: a title, whose capitals say nothing. Only ordinary
	 * words count, so that a short line of two full names is no title.
	 */
	private static boolean titleCase(List<Word> line) {
		int ordinary = 0;
		int capitalised = 0;
		for (Word word : line) {
			if (isOrdinary(Folding.key(word.bare()))) {
				ordinary++;
				if (word.capitalised()) {
					capitalised++;
				}
			}
		}
		return ordinary >= 3 && capitalised > NameCandidates.TITLE_CASE * ordinary;
	}

}
