package io.podlens.text;

import java.util.List;

/**
 * The names of one kind that {@link IntroducedNames} finds in lines written for a test.
 */
final class IntroducedNamesTesting {

	private IntroducedNamesTesting() {
	}

	static List<IntroducedNames.Name> ofKind(NameCandidates.Kind kind, List<String> episode) {
		return IntroducedNames.find(episode).stream().filter((n) -> n.kind() == kind).toList();
	}

}
