package io.podlens.topic.discovery;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * How to accept a candidate: as a new topic (every field optional) or as names of an
 * existing topic ({@code topicId} alone).
 *
 * @param topicId an existing topic the candidate's forms become names of
 * @param id id of the new topic; from the name by default
 * @param name name of the new topic; the candidate's most frequent form by default
 * @param category category of the new topic; from the kind of the candidate by default
 * (person for Chinese and transliterated names, model for model-like forms, organization
 * otherwise)
 * @param kind finer kind within the category; the category's own by default
 */
public record AcceptRequest(
		@Schema(example = "gpt-4o", description = "join an existing topic") @Nullable String topicId,
		@Schema(example = "zenlytic") @Nullable String id, @Schema(example = "Zenlytic") @Nullable String name,
		@Schema(example = "organization", allowableValues = {
				"model", "organization", "person", "product", "concept", "theme" }) @Nullable String category,
		@Schema(example = "company") @Nullable String kind){

	static final AcceptRequest NEW_TOPIC = new AcceptRequest(null, null, null, null, null);

}
