package io.podlens.topic;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A topic as a client sends it ({@code POST /api/topics}, {@code PUT /api/topics/{id}}).
 *
 * @param id lower-case id (letters, digits, dots, dashes); for PUT optional, and must
 * equal the path id when given
 * @param name display name
 * @param category one of model, organization, person, product, concept, theme
 * @param aliases other names in any script
 * @param contextCues words or topic ids that show an ambiguous form is about this topic
 */
public record TopicRequest(@Schema(example = "deepseek-r1") @Nullable String id,
		@Schema(example = "DeepSeek-R1") String name, @Schema(allowableValues = {
				"model", "organization", "person", "product", "concept", "theme" }) String category,
		@Nullable List<String> aliases, @Nullable List<String> contextCues){

}
