package io.podlens.search;

import io.podlens.episode.StoredSegment;

/** Builds small test segments: one minute each, numbered from the segment index. */
final class Segments {

	private Segments() {
	}

	static StoredSegment segment(long segmentId, long episodeId, String podcast, int index, String text) {
		return new StoredSegment(segmentId, episodeId, "Episode " + episodeId, podcast, "zh-Hant", index,
				index * 60_000L, (index + 1) * 60_000L, (index % 2 == 0) ? "Host" : null, text);
	}

}
