package io.podlens.topic;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of thing a topic is; JSON names are lower-case. */
public enum TopicCategory {

	MODEL, ORGANIZATION, PERSON, PRODUCT, CONCEPT, THEME;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static TopicCategory of(String value) {
		for (TopicCategory category : values()) {
			if (category.json().equalsIgnoreCase(value == null ? "" : value.trim())) {
				return category;
			}
		}
		throw new IllegalArgumentException("unknown topic category '" + value + "'");
	}

	/** Named things (models, organizations, people, products), as opposed to ideas. */
	public boolean isNamedEntity() {
		return this == MODEL || this == ORGANIZATION || this == PERSON || this == PRODUCT;
	}

}
