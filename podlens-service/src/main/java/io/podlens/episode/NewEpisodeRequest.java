package io.podlens.episode;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/episodes}: the episode facts plus either a transcript document
 * or ready-made segments. Public because bulk import reads the same shape, one per NDJSON
 * line.
 */
@Schema(name = "NewEpisode", description = "An episode to import: give either transcript or segments")
public record NewEpisodeRequest(
		@Schema(example = "Ep. 41: Meta's forgotten multimodal model") @NotBlank @Size(max = 500) String title,
		@Schema(example = "科技浪") @Size(max = 300) @Nullable String podcast,
		@Schema(example = "ep41", description = "Your id for the episode; unique within a podcast") @Size(
				max = 300) @Nullable String externalId,
		@Schema(example = "zh-Hant", description = "BCP 47 language tag; detected from the text when absent") @Pattern(
				regexp = EpisodeFields.LANGUAGE_PATTERN,
				message = "must be a BCP 47 language tag such as en, zh-Hant or zh-Hans") @Nullable String language,
		@Schema(example = "2024-06-01T08:00:00Z") @Nullable OffsetDateTime publishedAt,
		@Valid @Nullable TranscriptDocument transcript,
		@Valid @Size(max = 1_000_000) @Nullable List<@NotNull @Valid SegmentInput> segments) {

	/** A transcript document in one of the supported formats. */
	@Schema(name = "TranscriptDocument")
	public record TranscriptDocument(@Schema(example = "auto", allowableValues = {
			"auto", "timestamped-text", "srt", "webvtt", "podcast-json", "whisper-json",
			"html" }) @Nullable String format,
			@Schema(example = "(00:00~00:05) Hello and welcome\n(00:05~00:09) 今天聊多模態模型") @NotNull String content){
	}

	/** A ready-made segment. */
	@Schema(name = "SegmentInput")
	public record SegmentInput(@Schema(example = "0") @NotNull @PositiveOrZero Long startMs,
			@Schema(example = "5000") @NotNull @PositiveOrZero Long endMs,
			@Schema(example = "Harry") @Size(max = 200) @Nullable String speaker,
			@Schema(example = "Hello and welcome") @NotBlank String text) {
	}

}
