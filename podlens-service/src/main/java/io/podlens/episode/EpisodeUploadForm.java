package io.podlens.episode;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The multipart form of {@code POST /api/episodes}: a transcript file plus the episode
 * facts.
 */
record EpisodeUploadForm(@NotNull(message = "a transcript file part named 'file' is required") MultipartFile file,
		@NotBlank @Size(max = 500) String title, @Size(max = 300) String podcast, @Size(max = 300) String externalId,
		@Pattern(regexp = EpisodeFields.LANGUAGE_PATTERN,
				message = "must be a BCP 47 language tag such as en, zh-Hant or zh-Hans") String language,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime publishedAt, String format) {

	EpisodeFields fields() {
		return new EpisodeFields(this.title, this.podcast, this.externalId, this.language, this.publishedAt);
	}

}
