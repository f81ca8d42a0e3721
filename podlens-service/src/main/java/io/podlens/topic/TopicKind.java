package io.podlens.topic;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The finer kind of a topic within its {@link TopicCategory}; JSON names are lower-case
 * with dashes ({@code model-family}). The kind named like a category ({@code model},
 * {@code organization}, ...) is the default of that category.
 */
public enum TopicKind {

	MODEL(TopicCategory.MODEL), MODEL_FAMILY(TopicCategory.MODEL),

	ORGANIZATION(TopicCategory.ORGANIZATION), LAB(TopicCategory.ORGANIZATION), COMPANY(TopicCategory.ORGANIZATION),
	UNIVERSITY(TopicCategory.ORGANIZATION),

	PERSON(TopicCategory.PERSON),

	PRODUCT(TopicCategory.PRODUCT), APP(TopicCategory.PRODUCT), TOOL(TopicCategory.PRODUCT),
	FRAMEWORK(TopicCategory.PRODUCT), HARDWARE(TopicCategory.PRODUCT),

	CONCEPT(TopicCategory.CONCEPT), DATASET(TopicCategory.CONCEPT), BENCHMARK(TopicCategory.CONCEPT),

	THEME(TopicCategory.THEME);

	private final TopicCategory category;

	TopicKind(TopicCategory category) {
		this.category = category;
	}

	/** The category this kind belongs to. */
	public TopicCategory category() {
		return this.category;
	}

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@JsonCreator
	public static TopicKind of(String value) {
		String wanted = (value == null) ? "" : value.trim();
		for (TopicKind kind : values()) {
			if (kind.json().equalsIgnoreCase(wanted)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown topic kind '" + value + "'");
	}

	/** The kind a topic of this category has when none is given. */
	public static TopicKind defaultFor(TopicCategory category) {
		return of(category.json());
	}

	/** The kinds a topic of this category may have, by JSON name. */
	public static List<String> allowedFor(TopicCategory category) {
		return Arrays.stream(values()).filter((k) -> k.category == category).map(TopicKind::json).toList();
	}

}
