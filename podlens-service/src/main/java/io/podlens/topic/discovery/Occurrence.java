package io.podlens.topic.discovery;

import io.podlens.text.NameCandidates;

/**
 * One form found in a segment that no topic matched.
 *
 * @param start first character in the segment's text
 * @param end character after it
 * @param soundKey what its variants share ({@link NameCandidates#soundKey})
 * @param context the words around it
 */
record Occurrence(long segmentId, int segmentIndex, long startMs, long endMs, int start, int end, String surface,
		NameCandidates.Kind kind, String soundKey, String context) {
}
