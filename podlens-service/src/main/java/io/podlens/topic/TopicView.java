package io.podlens.topic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A topic of the taxonomy with how often stored episodes mention it.
 *
 * @param id stable id such as {@code gpt-4o}
 * @param name display name
 * @param category what kind of thing it is
 * @param kind the finer kind within the category
 * @param parent id of the topic it rolls up to, or null
 * @param childCount number of topics whose parent it is
 * @param aliases other names, abbreviations and spellings
 * @param zhHant Chinese names in Traditional script
 * @param zhHans Chinese names in Simplified script
 * @param contextCues words that show an ambiguous form is about this topic
 * @param ambiguous whether a single-word name is also an ordinary word, so that it needs
 * a context cue or its exact case to match
 * @param episodeCount number of episodes that mention it
 * @param mentionCount number of mentions over all episodes
 * @param withDescendants the counts of the topic together with every topic below it; only
 * with {@code includeChildren=true}
 */
public record TopicView(String id, String name, TopicCategory category, TopicKind kind,
		@Schema(example = "gpt", nullable = true) @Nullable String parent, int childCount, List<String> aliases,
		List<String> zhHant, List<String> zhHans, List<String> contextCues, boolean ambiguous, long episodeCount,
		long mentionCount, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable RolledUp withDescendants) {

	/**
	 * Counts of a topic and every topic below it (GPT-4o and GPT-4o mini under GPT under
	 * OpenAI): a mention of any of them counts, an episode once.
	 *
	 * @param topicCount number of topics counted, the topic itself included
	 * @param episodeCount number of episodes that mention any of them
	 * @param mentionCount number of mentions of any of them
	 */
	public record RolledUp(int topicCount, long episodeCount, long mentionCount) {
	}

	static TopicView of(Topic topic, int childCount, long episodeCount, long mentionCount,
			@Nullable RolledUp withDescendants) {
		return new TopicView(topic.id(), topic.name(), topic.category(), topic.kind(), topic.parent(), childCount,
				topic.aliases(), topic.zhHant(), topic.zhHans(), topic.contextCues(), topic.ambiguous(), episodeCount,
				mentionCount, withDescendants);
	}

}
