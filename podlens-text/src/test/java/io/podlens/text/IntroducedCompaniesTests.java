package io.podlens.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations an episode's speakers say they work for, on interview lines written for
 * these tests.
 */
class IntroducedCompaniesTests {

	private static List<IntroducedNames.Name> companies(List<String> episode) {
		return IntroducedNamesTesting.ofKind(NameCandidates.Kind.INTRODUCED_COMPANY, episode);
	}

	@Test
	void theCompanyASpeakerLeadsIsFoundWhereverItIsSaid() {
		List<String> episode = List.of("I'm the CEO of Brambleway, and before that I was at a bank.",
				"So what does Brambleway do?", "brambleway started as a side project.",
				"We now run Brambleways in three countries, and Brambleway's team is small.");
		List<IntroducedNames.Name> companies = companies(episode);
		assertThat(companies).singleElement().satisfies((c) -> {
			assertThat(c.name()).isEqualTo("Brambleway");
			assertThat(c.references()).extracting(IntroducedNames.Reference::text, IntroducedNames.Reference::surface)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Brambleway"),
						org.assertj.core.groups.Tuple.tuple(1, "Brambleway"),
						org.assertj.core.groups.Tuple.tuple(2, "brambleway"),
						org.assertj.core.groups.Tuple.tuple(3, "Brambleways"),
						org.assertj.core.groups.Tuple.tuple(3, "Brambleway"));
			for (IntroducedNames.Reference r : c.references()) {
				assertThat(episode.get(r.text()).substring(r.start(), r.end())).isEqualTo(r.surface());
			}
		});
	}

	@Test
	void aWorkplaceOfSeveralWordsAfterTheIsOneName() {
		List<IntroducedNames.Name> companies = companies(
				List.of("I work at the Quillon Institute, mostly on speech.", "The Quillon Institute is in Oslo."));
		assertThat(companies).extracting(IntroducedNames.Name::name).containsExactly("Quillon Institute");
	}

	@Test
	void aSponsorIsANameEvenOfOrdinaryWordsWhenTheyAreCapitalised() {
		List<IntroducedNames.Name> companies = companies(
				List.of("This episode is brought to you by Tide Lantern, a shop.", "Visit Tide Lantern today.",
						"The tide lantern on the pier was lit."));
		assertThat(companies).singleElement().satisfies((c) -> {
			assertThat(c.name()).isEqualTo("Tide Lantern");
			assertThat(c.references()).extracting(IntroducedNames.Reference::surface)
				.containsExactly("Tide Lantern", "Tide Lantern");
		});
		// one ordinary word after a sponsor cue is still a word, pronouns are in no name
		assertThat(companies(List.of("This episode is supported by Listeners like you.", "Listeners matter.")))
			.isEmpty();
		assertThat(companies(List.of("This episode is brought to you by Our Sponsors.", "Our Sponsors again.",
				"Supported by Listeners Like You.", "Listeners Like You again.")))
			.isEmpty();
	}

	@Test
	void ordinaryWordsPlacesAndOneMentionAreNoCompany() {
		// The company, a place, an ordinary word, said twice each; a real name said once.
		assertThat(companies(List.of("I'm head of Engineering here.", "Engineering is hard.",
				"She was a researcher at Berlin for years.", "Berlin again.", "He is the founder of Pellucid.")))
			.isEmpty();
	}

	@Test
	void anOrdinaryWordAsANameCountsOnlyWhenCapitalised() {
		List<IntroducedNames.Name> companies = companies(
				List.of("I'm a partner at Harbor.", "Harbor invests early.", "The harbor was quiet."));
		assertThat(companies).singleElement()
			.satisfies((c) -> assertThat(c.references()).extracting(IntroducedNames.Reference::surface)
				.containsExactly("Harbor", "Harbor"));
	}

}
