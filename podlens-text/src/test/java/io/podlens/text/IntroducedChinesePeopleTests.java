package io.podlens.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese person names an episode introduces or gives a title, on lines written for these
 * tests (HanLP tags the names; the title or introduction makes them people).
 */
class IntroducedChinesePeopleTests {

	private static final NameCandidates FINDER = NameCandidates.create(true);

	private static List<IntroducedNames.Name> people(List<String> episode) {
		return IntroducedNames.find(episode, FINDER.findAll(episode))
			.stream()
			.filter((n) -> n.kind() == NameCandidates.Kind.INTRODUCED_PERSON)
			.toList();
	}

	@Test
	void aNameWithATitleIsAPersonWhereverItIsSaidInEitherScript() {
		List<String> episode = List.of("今天的嘉宾是王立群教授", "王立群在大学教了二十年书", "我之前读过王立群的一本书", "王立群，欢迎");
		assertThat(people(episode)).singleElement().satisfies((p) -> {
			assertThat(p.name()).isEqualTo("王立群");
			assertThat(p.references()).extracting(IntroducedNames.Reference::text, IntroducedNames.Reference::surface)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "王立群"),
						org.assertj.core.groups.Tuple.tuple(1, "王立群"), org.assertj.core.groups.Tuple.tuple(2, "王立群"),
						org.assertj.core.groups.Tuple.tuple(3, "王立群"));
		});
	}

	@Test
	void theOtherScriptIsTheSameName() {
		assertThat(people(List.of("我是主持人陈晓", "陳曉今天想聊一聊"))).singleElement()
			.satisfies((p) -> assertThat(p.references()).extracting(IntroducedNames.Reference::surface)
				.containsExactly("陈晓", "陳曉"));
	}

	@Test
	void aNameNeverIntroducedOrAddressedIsNoOne() {
		assertThat(people(List.of("王立群在大学教了二十年书", "我之前读过王立群的一本书"))).isEmpty();
	}

	@Test
	void aTitledNameSaidOnceIsTooLittle() {
		assertThat(people(List.of("今天的嘉宾是王立群教授", "我们下期再见"))).isEmpty();
	}

}
