package io.podlens.episode;

import org.jspecify.annotations.Nullable;

/**
 * One stored segment with the episode facts other features need (search indexes these,
 * analysis reads them). Times are milliseconds from the start of the episode.
 *
 * @param segmentId database id of the segment, the key of its search document
 * @param episodeId id of the episode
 * @param episodeTitle title of the episode
 * @param podcast name of the podcast, may be {@code null}
 * @param language BCP 47 tag of the episode language, such as {@code zh-Hant} or
 * {@code en}
 * @param index 0-based position in the episode
 * @param startMs start time
 * @param endMs end time
 * @param speaker speaker name, may be {@code null}
 * @param text what was said, exactly as transcribed
 */
public record StoredSegment(long segmentId, long episodeId, String episodeTitle, @Nullable String podcast,
		String language, int index, long startMs, long endMs, @Nullable String speaker, String text) {
}
