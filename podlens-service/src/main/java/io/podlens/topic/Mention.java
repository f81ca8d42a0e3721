package io.podlens.topic;

/**
 * One place where a topic is mentioned. Offsets index the segment's text as stored, which
 * is never changed: {@code text.substring(start, end).equals(surface)}.
 *
 * @param topicId id of the topic
 * @param segmentIndex 0-based position of the segment in its episode
 * @param segmentId database id of the segment
 * @param start first character of the mention in the segment text
 * @param end character after the mention
 * @param surface the mention exactly as written
 * @param matchedBy how it was recognised
 * @param confidence between 0 and 1
 */
public record Mention(String topicId, int segmentIndex, long segmentId, int start, int end, String surface,
		MatchKind matchedBy, double confidence) {

}
