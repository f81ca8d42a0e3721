package io.podlens.episode;

import java.util.List;

import io.podlens.common.InvalidInputException;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptSegment;

/**
 * Reads a bean-validated {@link NewEpisodeRequest}: the same rules for
 * {@code POST /api/episodes} and for each line of a bulk import.
 */
final class EpisodeRequests {

	private EpisodeRequests() {
	}

	static EpisodeFields fields(NewEpisodeRequest request) {
		return new EpisodeFields(request.title(), request.podcast(), request.externalId(), request.language(),
				request.publishedAt());
	}

	/** The transcript or the ready-made segments, whichever was given (exactly one). */
	static List<TranscriptSegment> segments(NewEpisodeRequest request) {
		boolean hasTranscript = request.transcript() != null;
		boolean hasSegments = request.segments() != null;
		if (hasTranscript == hasSegments) {
			throw InvalidInputException.forField("transcript",
					"give either 'transcript' ({format, content}) or 'segments' ([{startMs, endMs, speaker, text}]), "
							+ (hasTranscript ? "not both" : "none was given"));
		}
		if (hasSegments) {
			return TranscriptReader.fromInputs(request.segments());
		}
		TranscriptFormat format = TranscriptReader.format(request.transcript().format(), "transcript.format");
		return TranscriptReader.parse(request.transcript().content(), format, "transcript.content");
	}

}
