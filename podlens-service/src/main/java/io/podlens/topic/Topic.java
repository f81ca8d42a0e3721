package io.podlens.topic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A thing the talk can be about.
 *
 * @param id stable id, lower-case letters, digits, dots and dashes such as {@code gpt-4o}
 * @param name display name, also matched as written
 * @param category what kind of thing it is
 * @param aliases other names, abbreviations and spellings
 * @param contextCues words that, near an ambiguous form, show the talk is about this
 * topic
 * @param kind the finer kind within the category; the category's default kind when null
 * @param parent id of the topic this one rolls up to (GPT-4o to GPT, GPT to OpenAI), or
 * null
 * @param zhHant Chinese names in Traditional script, matched like aliases
 * @param zhHans Chinese names in Simplified script, matched like aliases
 * @param ambiguous whether a single-word name of the topic is also an ordinary word or a
 * common first name, so that it needs a context cue or its exact case to match
 */
public record Topic(String id, String name, TopicCategory category, List<String> aliases, List<String> contextCues,
		TopicKind kind, @Nullable String parent, List<String> zhHant, List<String> zhHans, boolean ambiguous) {

	public Topic {
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
		contextCues = (contextCues != null) ? List.copyOf(contextCues) : List.of();
		zhHant = (zhHant != null) ? List.copyOf(zhHant) : List.of();
		zhHans = (zhHans != null) ? List.copyOf(zhHans) : List.of();
		if (kind == null && category != null) {
			kind = TopicKind.defaultFor(category);
		}
	}

	/** A topic without kind, parent, Chinese names or ambiguity flag. */
	public Topic(String id, String name, TopicCategory category, List<String> aliases, List<String> contextCues) {
		this(id, name, category, aliases, contextCues, null, null, List.of(), List.of(), false);
	}

	/**
	 * Every form matched as a name: the name, then the aliases and the Chinese names,
	 * each once as written.
	 */
	public List<String> names() {
		Set<String> names = new LinkedHashSet<>();
		names.add(this.name);
		names.addAll(this.aliases);
		names.addAll(this.zhHant);
		names.addAll(this.zhHans);
		return new ArrayList<>(names);
	}

	/** A copy with another parent. */
	Topic withParent(@Nullable String parent) {
		return new Topic(this.id, this.name, this.category, this.aliases, this.contextCues, this.kind, parent,
				this.zhHant, this.zhHans, this.ambiguous);
	}

}
