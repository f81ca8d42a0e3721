package io.podlens.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatinSoundTests {

	@Test
	void oneNormaliserForSpellings() {
		assertThat(LatinSound.normalize("Chameleon")).isEqualTo("kameleon");
		assertThat(LatinSound.normalize("Camellian")).isEqualTo("kamelian");
		assertThat(LatinSound.normalize("queen")).isEqualTo("kwen");
		assertThat(LatinSound.normalize("box")).isEqualTo("boks");
		assertThat(LatinSound.normalize("Cisco")).isEqualTo("sisko");
		assertThat(LatinSound.normalize("same")).isEqualTo("sam");
		assertThat(LatinSound.normalize("palm")).isEqualTo("pam");
	}

	@Test
	void soundKeysShareMisspellings() {
		assertThat(LatinSound.key("chameleon")).isEqualTo(LatinSound.key("camellian")).isEqualTo("a:kmln");
		assertThat(LatinSound.key("gpt")).isEqualTo(LatinSound.key("gbt")).isEqualTo("kpt");
		assertThat(LatinSound.key("gemini")).isEqualTo(LatinSound.key("germany")).isEqualTo("e:kmn");
		assertThat(LatinSound.key("quartz")).isEqualTo(LatinSound.key("kwarts")).isEqualTo("a:kts");
		assertThat(LatinSound.key("lexus")).isEqualTo(LatinSound.key("leksus"));
	}

	@Test
	void shortWordsAndNumbersKeepTheirSpelling() {
		assertThat(LatinSound.key("4o")).isEqualTo("4o");
		assertThat(LatinSound.key("2024")).isEqualTo("2024");
		assertThat(LatinSound.key("aio")).isEqualTo("aio");
	}

	@Test
	void skeletonKeepsVowelRuns() {
		assertThat(LatinSound.skeleton(LatinSound.normalize("chameleon"))).isEqualTo("g*m*l*m");
	}

	@Test
	void soundDistanceWeighsAlikeLettersHalf() {
		assertThat(LatinSound.SOUND.distance("gpt", "gbt")).isEqualTo(0.5);
		assertThat(LatinSound.SOUND.distance("kameleon", "kamelian")).isEqualTo(1.0);
		assertThat(LatinSound.SOUND.distance("ab", "ba")).isEqualTo(1.0);
		assertThat(LatinSound.LETTER_NAMES.distance("gpt", "gct")).isEqualTo(0.5);
		assertThat(LatinSound.SOUND.distance("gpt", "gct")).isEqualTo(1.0);
		assertThat(LatinSound.sameStart("kamel", "gamel", false)).isTrue();
		assertThat(LatinSound.sameStart("kamel", "lamel", false)).isFalse();
	}

	@Test
	void levenshteinHasUnitCostsAndNoTransposition() {
		assertThat(EditDistance.LEVENSHTEIN.distance("kitten", "sitting")).isEqualTo(3.0);
		assertThat(EditDistance.LEVENSHTEIN.distance("ab", "ba")).isEqualTo(2.0);
		assertThat(EditDistance.LEVENSHTEIN.distance("", "abc")).isEqualTo(3.0);
		assertThat(EditDistance.LEVENSHTEIN.distance("xiangliang", "xianliang")).isEqualTo(1.0);
	}

}
