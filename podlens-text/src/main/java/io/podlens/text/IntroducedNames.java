package io.podlens.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Names an episode introduces itself, read from how it introduces them rather than from a
 * list: the people it names in full and then by the first name
 * ({@link IntroducedPeople}), Chinese person names it introduces or gives a title
 * ({@link IntroducedChinesePeople}), the organisations its speakers say they work for and
 * its sponsors ({@link IntroducedCompanies}), and the podcasts it names
 * ({@link IntroducedPodcasts}). The hosts and guests of an interview and their companies
 * are rarely in any taxonomy, and they are what the episode names most. Plain Java, no
 * state.
 */
public final class IntroducedNames {

	/** References a name needs in an episode. */
	public static final int MIN_REFERENCES = 2;

	private IntroducedNames() {
	}

	/**
	 * Whether a reference names the whole name: a Latin name of two words or more, or a
	 * Chinese name (never said by a part here), not a first name alone.
	 */
	public static boolean isFullName(String surface) {
		return surface.strip().contains(" ") || surface.codePoints().anyMatch(Folding::isHan);
	}

	/**
	 * Where a name is said.
	 *
	 * @param text index of the text in the episode's list
	 * @param start first character
	 * @param end character after it
	 * @param surface the text between
	 */
	public record Reference(int text, int start, int end, String surface) {
	}

	/**
	 * A name the episode introduces.
	 *
	 * @param name the name as written most often (of a person, the full name)
	 * @param soundKey {@link NameCandidates#soundKey} of the name, shared by its
	 * spellings
	 * @param kind {@link NameCandidates.Kind#INTRODUCED_PERSON},
	 * {@link NameCandidates.Kind#INTRODUCED_COMPANY} or
	 * {@link NameCandidates.Kind#INTRODUCED_PODCAST}
	 * @param references every reference in text order
	 */
	public record Name(String name, String soundKey, NameCandidates.Kind kind, List<Reference> references) {

		public Name {
			references = List.copyOf(references);
		}

		/** The same name with other references. */
		public Name with(List<Reference> others) {
			return new Name(this.name, this.soundKey, this.kind, others);
		}

	}

	/**
	 * The people and organisations introduced in an episode, Latin-script names only.
	 * @param texts the episode's segment texts in order
	 */
	public static List<Name> find(List<String> texts) {
		return find(texts, List.of());
	}

	/**
	 * The people, organisations and podcasts introduced in an episode; an organisation or
	 * podcast named like one of the people is left out.
	 * @param texts the episode's segment texts in order
	 * @param candidates {@link NameCandidates#findAll} of the texts, whose Chinese person
	 * names are people when the episode introduces them
	 * ({@link IntroducedChinesePeople}); empty for Latin-script names only
	 */
	public static List<Name> find(List<String> texts, List<List<NameCandidates.Found>> candidates) {
		List<List<NameWord>> words = new ArrayList<>(texts.size());
		texts.forEach((text) -> words.add(NameWord.of(text)));
		List<Name> names = new ArrayList<>(IntroducedPeople.find(texts, words));
		names.addAll(IntroducedChinesePeople.find(texts, candidates));
		List<String> people = names.stream().map(Name::soundKey).toList();
		List<Name> others = new ArrayList<>(IntroducedCompanies.find(texts, words));
		others.addAll(IntroducedPodcasts.find(texts, words));
		for (Name company : others) {
			if (!people.contains(company.soundKey())) {
				names.add(company);
			}
		}
		return names;
	}

}
