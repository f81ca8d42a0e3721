package io.podlens.topic;

import java.util.List;

/**
 * A name in no taxonomy that an episode introduces, with where it is said (for {@code GET
 * /api/episodes/{id}/topics}): a person named in full and then by the first name (the
 * hosts and guests of an interview), a Chinese name the episode gives a title or
 * introduces, an organisation a speaker says they work for or that sponsors the episode,
 * or a podcast it names. Unreviewed: accepting the candidate makes it a topic, rejecting
 * it hides it here too.
 *
 * @param candidateId the candidate to accept or reject at
 * {@code /api/topics/candidates/{candidateId}}
 * @param name the (full) name as the episode writes it most often
 * @param category {@code person}, {@code organization}, or {@code product} for a podcast
 * @param count number of references
 * @param mentions the references in segment order
 */
public record EpisodeNewName(long candidateId, String name, TopicCategory category, int count,
		List<Reference> mentions) {

	/** Confidence of a reference by the full name (or an organisation's name). */
	public static final double FULL_NAME = 0.85;

	/** Confidence of a reference by the first name alone. */
	public static final double FIRST_NAME = 0.75;

	public EpisodeNewName {
		mentions = List.copyOf(mentions);
	}

	/**
	 * Where in the episode the name is said.
	 *
	 * @param segmentIndex 0-based position of the segment
	 * @param startMs start of the segment, milliseconds from the start of the episode
	 * @param endMs end of the segment
	 * @param charStart first character of the reference in the segment text
	 * @param charEnd character after it
	 * @param surface the reference exactly as written
	 * @param confidence between 0 and 1: {@value #FULL_NAME} for a full name or an
	 * organisation's, {@value #FIRST_NAME} for a person's first name alone
	 */
	public record Reference(int segmentIndex, long startMs, long endMs, int charStart, int charEnd, String surface,
			double confidence) {

	}

}
