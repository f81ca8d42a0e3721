package io.podlens.topic;

import java.util.List;

/**
 * A thing the talk can be about.
 *
 * @param id stable id, lower-case letters, digits, dots and dashes such as {@code gpt-4o}
 * @param name display name, also matched as written
 * @param category what kind of thing it is
 * @param aliases other names in any script, including common spellings
 * @param contextCues words that, near an ambiguous form, show the talk is about this
 * topic
 */
public record Topic(String id, String name, TopicCategory category, List<String> aliases, List<String> contextCues) {

	public Topic {
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		contextCues = (contextCues != null) ? List.copyOf(contextCues) : List.of();
	}

}
