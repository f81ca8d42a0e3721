package io.podlens.topic;

/**
 * A form in one segment that a matching layer takes for a topic.
 *
 * @param segment position of the segment in the episode
 * @param tokenFrom first token of the form
 * @param tokenTo token after the form
 * @param start first character of the form in the segment's text
 * @param end character after the form
 * @param rank lower is better, when a layer chooses between overlapping forms
 */
record Candidate(Topic topic, int segment, int tokenFrom, int tokenTo, int start, int end, MatchKind kind,
		double confidence, double rank) {

	Candidate(Topic topic, int segment, int tokenFrom, int tokenTo, int start, int end, MatchKind kind,
			double confidence) {
		this(topic, segment, tokenFrom, tokenTo, start, end, kind, confidence, 0);
	}

}
