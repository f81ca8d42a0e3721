package io.podlens.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Podcasts an episode names, on lines written for these tests. */
class IntroducedPodcastsTests {

	private static List<IntroducedNames.Name> podcasts(List<String> episode) {
		return IntroducedNamesTesting.ofKind(NameCandidates.Kind.INTRODUCED_PODCAST, episode);
	}

	@Test
	void aPodcastIsFoundByItsNameAndItsAddress() {
		List<String> episode = List.of("Welcome to the Quiet Circuits Podcast, I'm your host.",
				"Subscribe at quietcircuitspodcast.com and tell a friend.",
				"Thanks for listening to Quiet Circuits Podcast.");
		assertThat(podcasts(episode)).singleElement().satisfies((p) -> {
			assertThat(p.name()).isEqualTo("Quiet Circuits Podcast");
			assertThat(p.references()).extracting(IntroducedNames.Reference::surface)
				.containsExactly("Quiet Circuits Podcast", "quietcircuitspodcast", "Quiet Circuits Podcast");
		});
	}

	@Test
	void aPodcastSaidOnceOrWithoutANameIsNone() {
		assertThat(podcasts(List.of("Welcome to the Quiet Circuits Podcast.", "Today: chips."))).isEmpty();
		assertThat(podcasts(List.of("The Podcast is back.", "The Podcast again."))).isEmpty();
		assertThat(podcasts(List.of("this podcast is great", "our podcast is better"))).isEmpty();
	}

}
