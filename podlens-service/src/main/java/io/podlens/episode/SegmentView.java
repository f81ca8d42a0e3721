package io.podlens.episode;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A segment as the API shows it. */
@Schema(name = "Segment", description = "One timed piece of an episode's transcript")
public record SegmentView(@Schema(example = "0", description = "0-based position in the episode") int index,
		@Schema(example = "0") long startMs, @Schema(example = "65000") long endMs,
		@Schema(example = "Harry", nullable = true) @Nullable String speaker,
		@Schema(example = "Hello大家好,歡迎收聽科技浪") String text) {

	static SegmentView of(Segment segment) {
		return new SegmentView(segment.getIndex(), segment.getStartMs(), segment.getEndMs(), segment.getSpeaker(),
				segment.getText());
	}

}
