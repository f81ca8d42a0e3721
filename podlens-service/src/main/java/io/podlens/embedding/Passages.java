package io.podlens.embedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.podlens.episode.StoredSegment;

/**
 * What the model reads for each segment: the segment's text followed by the text of the
 * segments that start within {@code window} of it, up to {@code maxChars}. Automatic
 * captions cut speech into pieces of two or three seconds ("美国如何才能打破"), too short to say
 * what is being talked about; the passage gives the vector the next sentences, while a
 * hit still points at the segment where the passage starts.
 */
final class Passages {

	private final long windowMs;

	private final int maxChars;

	Passages(Duration window, int maxChars) {
		this.windowMs = window.toMillis();
		this.maxChars = maxChars;
	}

	/**
	 * One passage per segment, in the same order.
	 * @param episode the segments of one episode in transcript order
	 */
	List<String> of(List<StoredSegment> episode) {
		List<String> passages = new ArrayList<>(episode.size());
		for (int i = 0; i < episode.size(); i++) {
			StoredSegment first = episode.get(i);
			StringBuilder text = new StringBuilder(first.text());
			for (int j = i + 1; j < episode.size() && episode.get(j).startMs() < first.startMs() + this.windowMs; j++) {
				String next = episode.get(j).text();
				if (text.length() + 1 + next.length() > this.maxChars) {
					break;
				}
				text.append(' ').append(next);
			}
			passages.add(text.toString());
		}
		return passages;
	}

}
