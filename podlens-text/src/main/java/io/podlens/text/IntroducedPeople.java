package io.podlens.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * ordinary word ("Will", "Mark") or a place ("Austin"), is capitalised, and is neither
 * followed by a capital ("Grace CPU", someone else's "Paul Graham") nor after another
 * name ("Logan Paul"); a person needs two references in the episode. Plain Java, no
 * state.
 */
final class IntroducedPeople {

	/** Given names, folded. */
	static final Set<String> GIVEN_NAMES = WordLists.load("given-names.txt", Folding::key);

	private IntroducedPeople() {
	}

	/**
	 * The people introduced in an episode.
	 * @param texts the episode's segment texts in order
	 * @param words their words
	 */
	static List<IntroducedNames.Name> find(List<String> texts, List<List<NameWord>> words) {
		// Given name -> surname sound key -> the full names written, with their count.
		Map<String, Map<String, Map<String, Integer>>> fullNames = new LinkedHashMap<>();
		for (List<NameWord> line : words) {
			if (NameWord.titleCase(line)) {
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
		List<IntroducedNames.Name> people = new ArrayList<>();
		for (Map.Entry<String, Map<String, Map<String, Integer>>> given : fullNames.entrySet()) {
			boolean firstNameIsTheirs = given.getValue().size() == 1 && given.getKey().length() >= 3
					&& !NameWord.isOrdinary(given.getKey()) && !NameCandidates.NOT_NAMES.contains(given.getKey());
			for (Map<String, Integer> spellings : given.getValue().values()) {
				String name = mostWritten(spellings);
				List<IntroducedNames.Reference> references = references(texts, words, given.getKey(),
						spellings.keySet(), firstNameIsTheirs);
				if (references.size() >= IntroducedNames.MIN_REFERENCES) {
					people.add(new IntroducedNames.Name(name, NameCandidates.soundKey(name),
							NameCandidates.Kind.INTRODUCED_PERSON, references));
				}
			}
		}
		return people;
	}

	/** The spelling written most often; of equals the first in alphabetical order. */
	static String mostWritten(Map<String, Integer> spellings) {
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
	private static String surname(List<NameWord> line, int i) {
		NameWord first = line.get(i);
		NameWord second = line.get(i + 1);
		if (!first.capitalised() || !first.bare().equals(first.text()) || !GIVEN_NAMES.contains(first.key())
				|| !second.capitalised() || !first.followedBy(second)) {
			return null;
		}
		String surname = second.bare();
		String key = second.key();
		if (surname.length() < 2 || GIVEN_NAMES.contains(key) || NameWord.isOrdinary(key)
				|| NameCandidates.NOT_NAMES.contains(key) || (surname.equals(second.text()) && i + 2 < line.size()
						&& line.get(i + 2).capitalised() && second.followedBy(line.get(i + 2)))) {
			return null;
		}
		return surname;
	}

	/**
	 * Whether the word at {@code i} follows a capitalised word that is no ordinary word:
	 * then it is that name's last word ("Logan Paul" is no Paul), where "Thanks Paul" is.
	 */
	private static boolean afterAnotherName(List<NameWord> line, int i) {
		if (i == 0) {
			return false;
		}
		NameWord before = line.get(i - 1);
		// a contraction ("I'm Paul") is no name
		boolean contraction = before.bare().indexOf('\'') >= 0 || before.bare().indexOf('’') >= 0;
		return before.followedBy(line.get(i)) && before.capitalised() && !contraction
				&& !NameWord.isOrdinary(before.key());
	}

	private static List<IntroducedNames.Reference> references(List<String> texts, List<List<NameWord>> words,
			String givenKey, Set<String> fullNames, boolean byFirstName) {
		List<IntroducedNames.Reference> references = new ArrayList<>();
		for (int t = 0; t < words.size(); t++) {
			List<NameWord> line = words.get(t);
			for (int i = 0; i < line.size(); i++) {
				NameWord word = line.get(i);
				if (!word.capitalised() || !word.key().equals(givenKey)) {
					continue;
				}
				NameWord next = (i + 1 < line.size() && word.followedBy(line.get(i + 1))) ? line.get(i + 1) : null;
				if (next != null && fullNames.contains(word.text() + " " + next.bare())) {
					references.add(new IntroducedNames.Reference(t, word.start(), next.start() + next.bare().length(),
							word.text() + " " + next.bare()));
					i++;
				}
				else if (byFirstName && (next == null || !Character.isUpperCase(next.text().charAt(0)))
						&& !afterAnotherName(line, i)) {
					String bare = word.bare();
					references.add(new IntroducedNames.Reference(t, word.start(), word.start() + bare.length(), bare));
				}
			}
		}
		references.removeIf((r) -> !texts.get(r.text()).substring(r.start(), r.end()).equals(r.surface()));
		return references;
	}

}
