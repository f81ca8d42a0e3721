package io.podlens.topic.discovery;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A candidate name as the API shows it.
 *
 * @param id candidate id, for accept and reject
 * @param name its most frequent form
 * @param status open, accepted or rejected
 * @param kinds where its forms come from, most frequent first
 * @param mentionCount occurrences over all episodes
 * @param episodeCount episodes it occurs in
 * @param variants its forms (same sound key), most frequent first
 * @param episodes the episodes it occurs in, most occurrences first
 * @param contexts a few places it occurs, with times and segment references
 * @param probably the existing topic it sounds like, when one does
 * @param topicId the topic it became or joined (accepted)
 * @param decidedAt when it was accepted or rejected
 */
public record CandidateView(@Schema(example = "351") long id, @Schema(example = "Zenlytic") String name,
		@Schema(example = "open", allowableValues = {
				"open", "accepted", "rejected" }) String status,
		@Schema(example = "[\"capitalized\"]",
				description = "latin-in-chinese, model-like, capitalized, chinese-person, transliterated, introduced-person, introduced-company, introduced-podcast") List<String> kinds,
		@Schema(example = "7") long mentionCount, @Schema(example = "2") long episodeCount, List<Variant> variants,
		List<EpisodeCount> episodes, List<Context> contexts, @Nullable Probably probably,
		@Schema(example = "zenlytic") @Nullable String topicId, @Nullable Instant decidedAt){

	/** One form of the name and how often it occurs. */
	public record Variant(@Schema(example = "Zenlytic") String surface, @Schema(example = "6") long count) {
	}

	/** An episode the name occurs in. */
	public record EpisodeCount(@Schema(example = "12") long episodeId,
			@Schema(example = "Data Engineering") String title, @Schema(example = "6") long count) {
	}

	/** One occurrence with the words around it. */
	public record Context(@Schema(example = "12") long episodeId, @Schema(example = "40871") long segmentId,
			@Schema(example = "57") int segmentIndex, @Schema(example = "301000") long startMs,
			@Schema(example = "306500") long endMs, @Schema(example = "Zenlytic") String surface,
			@Schema(example = "and that's why we built Zenlytic to answer questions") String text) {
	}

	/**
	 * The existing topic the candidate sounds like.
	 *
	 * @param how same-sound (its sound key equals that of a name of the topic) or
	 * near-sound (one edit apart)
	 * @param name the topic's name it sounds like
	 */
	public record Probably(@Schema(example = "gpt-4o") String topicId, @Schema(example = "GPT-4o") String name,
			@Schema(example = "same-sound", allowableValues = {
					"same-sound", "near-sound" }) String how){
	}

}
