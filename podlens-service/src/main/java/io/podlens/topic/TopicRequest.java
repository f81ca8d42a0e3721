package io.podlens.topic;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A topic as a client sends it ({@code POST /api/topics}, {@code PUT /api/topics/{id}}).
 * On PUT, {@code kind}, {@code parent}, {@code zhHant}, {@code zhHans} and
 * {@code ambiguous} keep their stored values when absent (a client written before they
 * existed does not erase them); {@code "parent": ""} removes the parent.
 *
 * @param id lower-case id (letters, digits, dots, dashes); for PUT optional, and must
 * equal the path id when given
 * @param name display name
 * @param category one of model, organization, person, product, concept, theme
 * @param aliases other names, abbreviations and spellings
 * @param contextCues words or topic ids that show an ambiguous form is about this topic
 * @param kind the finer kind within the category; the category's own by default
 * @param parent id of an existing topic this one rolls up to
 * @param zhHant Chinese names in Traditional script
 * @param zhHans Chinese names in Simplified script
 * @param ambiguous whether a single-word name is also an ordinary word (false by default)
 */
public record TopicRequest(@Schema(example = "deepseek-r1") @Nullable String id,
		@Schema(example = "DeepSeek-R1") String name, @Schema(allowableValues = {
				"model", "organization", "person", "product", "concept", "theme" }) String category,
		@Nullable List<String> aliases, @Nullable List<String> contextCues,
		@Schema(example = "model", description = "model, model-family (model); organization, lab, company, "
				+ "university (organization); person; product, app, tool, framework, hardware (product); concept, "
				+ "dataset, benchmark (concept); theme") @Nullable String kind,
		@Schema(example = "deepseek",
				description = "id of an existing topic this one rolls up to; \"\" removes it "
						+ "on PUT") @Nullable String parent,
		@Schema(example = "[\"深度求索R1\"]") @Nullable List<String> zhHant,
		@Schema(example = "[\"深度求索R1\"]") @Nullable List<String> zhHans,
		@Schema(example = "false") @Nullable Boolean ambiguous){

}
