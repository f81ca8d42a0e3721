package io.podlens.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.podlens.episode.StoredSegment;

/**
 * Splits long unthemed stretches into parts of about
 * {@link ChapterBuilder#TARGET_PART_MS}: each cut is the segment boundary near the ideal
 * point where the words before and after differ most, preferring a pause or a change of
 * speaker.
 */
final class StretchSplitter {

	/** How much text either side of a candidate boundary is compared. */
	static final long COMPARE_MS = 150_000;

	private final List<StoredSegment> segments;

	private final EpisodeWords words;

	StretchSplitter(List<StoredSegment> segments, EpisodeWords words) {
		this.segments = segments;
		this.words = words;
	}

	List<ChapterBuilder.Piece> split(List<ChapterBuilder.Piece> pieces) {
		List<ChapterBuilder.Piece> result = new ArrayList<>();
		for (ChapterBuilder.Piece piece : pieces) {
			if (piece.theme() != null || piece.length() <= ChapterBuilder.MAX_PART_MS) {
				result.add(piece);
				continue;
			}
			int parts = (int) Math.max(2, Math.round((double) piece.length() / ChapterBuilder.TARGET_PART_MS));
			long start = piece.startMs();
			for (int left = parts; left > 1; left--) {
				// aim at an even share of what is left, so one late cut cannot leave a
				// long part
				long partMs = (piece.endMs() - start) / left;
				long ideal = start + partMs;
				long cut = bestBoundary(ideal - partMs / 5, ideal + partMs / 5);
				if (cut > start && cut < piece.endMs()) {
					result.add(new ChapterBuilder.Piece(start, cut, null));
					start = cut;
				}
			}
			result.add(new ChapterBuilder.Piece(start, piece.endMs(), null));
		}
		return result;
	}

	/** The start of the segment in {@code [fromMs, toMs]} that best opens a new part. */
	private long bestBoundary(long fromMs, long toMs) {
		long best = -1;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int i = 1; i < this.segments.size(); i++) {
			StoredSegment segment = this.segments.get(i);
			if (segment.startMs() < fromMs || segment.startMs() > toMs) {
				continue;
			}
			StoredSegment previous = this.segments.get(i - 1);
			long at = segment.startMs();
			double score = EpisodeWords.shift(this.words.counts(at - COMPARE_MS, at),
					this.words.counts(at, at + COMPARE_MS));
			score += 0.5 * Math.min(1, Math.max(0, at - previous.endMs()) / 2000.0);
			if (segment.speaker() != null && previous.speaker() != null
					&& !Objects.equals(segment.speaker(), previous.speaker())) {
				score += 0.3;
			}
			if (score > bestScore) {
				bestScore = score;
				best = at;
			}
		}
		return best;
	}

}
