package io.podlens.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People an episode introduces, on interview lines written for these tests: who is found,
 * by which references, and what the guards keep out.
 */
class IntroducedPeopleTests {

	private static List<IntroducedNames.Name> people(List<String> episode) {
		return IntroducedNamesTesting.ofKind(NameCandidates.Kind.INTRODUCED_PERSON, episode);
	}

	@Test
	void aGuestNamedInFullIsThenFoundByTheFirstName() {
		List<String> episode = List.of("Welcome back. Today I'm talking with Nadia Quenby and Felix Fendle.",
				"So, Nadia, how did you get started?", "Nadia's first job was at a bakery, believe it or not.",
				"Felix, what about you?", "I think Nadia said it best.");
		List<IntroducedNames.Name> people = people(episode);
		assertThat(people).extracting(IntroducedNames.Name::name).containsExactly("Nadia Quenby", "Felix Fendle");
		IntroducedNames.Name nadia = people.get(0);
		assertThat(nadia.references()).extracting(IntroducedNames.Reference::text, IntroducedNames.Reference::surface)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Nadia Quenby"),
					org.assertj.core.groups.Tuple.tuple(1, "Nadia"), org.assertj.core.groups.Tuple.tuple(2, "Nadia"),
					org.assertj.core.groups.Tuple.tuple(4, "Nadia"));
		for (IntroducedNames.Reference r : nadia.references()) {
			assertThat(episode.get(r.text()).substring(r.start(), r.end())).isEqualTo(r.surface());
		}
		assertThat(nadia.soundKey()).isEqualTo(NameCandidates.soundKey("Nadia Quenby"));
		assertThat(people.get(1).references()).hasSize(2);
	}

	@Test
	void aFullNameSaidOnceAndNeverAgainIsNoOne() {
		assertThat(people(List.of("Thanks to Nadia Quenby for the music.", "Now, the news."))).isEmpty();
	}

	@Test
	void twoPeopleWithOneFirstNameAreFoundByTheirFullNamesOnly() {
		List<IntroducedNames.Name> people = people(List.of("Nadia Quenby and Nadia Fendle are here.",
				"Nadia, go ahead.", "Nadia Quenby: thanks.", "Nadia Fendle: hello."));
		assertThat(people).extracting(IntroducedNames.Name::name)
			.containsExactlyInAnyOrder("Nadia Quenby", "Nadia Fendle");
		assertThat(people).allSatisfy((p) -> assertThat(p.references()).extracting(IntroducedNames.Reference::surface)
			.allMatch((s) -> s.contains(" ")));
	}

	@Test
	void ordinaryWordsAreNoSurnamesAndNoFirstNames() {
		// "Paul Said" is no name; "Will" alone is the verb more often than the person.
		assertThat(people(List.of("And Paul Said nothing.", "Paul, hello."))).isEmpty();
		List<IntroducedNames.Name> will = people(
				List.of("Will Quenby joins us.", "Will you tell us more?", "Will Quenby: sure."));
		assertThat(will).singleElement()
			.satisfies((p) -> assertThat(p.references()).extracting(IntroducedNames.Reference::surface)
				.containsExactly("Will Quenby", "Will Quenby"));
	}

	@Test
	void aFirstNameFollowedByAnotherCapitalisedWordIsSomeoneElse() {
		List<IntroducedNames.Name> people = people(
				List.of("Nadia Quenby is here.", "Nadia Bellweather wrote that book.", "Right, Nadia."));
		// Two surnames: the first name is nobody's; each full name once is too little.
		assertThat(people).isEmpty();
		List<IntroducedNames.Name> one = people(
				List.of("Nadia Quenby is here.", "I read Nadia Fendle Books.", "Right, Nadia."));
		assertThat(one).singleElement()
			.satisfies((p) -> assertThat(p.references()).extracting(IntroducedNames.Reference::surface)
				.containsExactly("Nadia Quenby", "Nadia"));
	}

	@Test
	void aFirstNameAfterAnotherNameOrBeforeACapitalIsSomeoneOrSomethingElse() {
		List<IntroducedNames.Name> people = people(
				List.of("Today: Grace Quenby, welcome.", "Logan Grace wrote about it.", "The Grace CPU is fast.",
						"Thanks Grace, and Grace's point stands.", "I'm Grace, by the way."));
		assertThat(people).singleElement()
			.satisfies((p) -> assertThat(p.references()).extracting(IntroducedNames.Reference::text)
				.containsExactly(0, 3, 3, 4));
	}

	@Test
	void endlessRepetitionIsReadWithoutTrouble() {
		String laughter = "ha-".repeat(20_000) + "ha";
		assertThat(people(List.of(laughter, "Nadia Quenby " + laughter, "Nadia, hi."))).singleElement()
			.satisfies((p) -> assertThat(p.references()).hasSize(2));
	}

	@Test
	void titleCaseLinesAndWordsThatAreNoGivenNamesIntroduceNobody() {
		assertThat(people(
				List.of("Episode Notes: Nadia Quenby On Building Great Teams", "Nadia, welcome.", "Nadia, thanks.")))
			.isEmpty();
		assertThat(people(List.of("Zorbly Quenby is here.", "Zorbly, hi.", "Zorbly, bye."))).isEmpty();
	}

}
