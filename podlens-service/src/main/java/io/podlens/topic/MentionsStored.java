package io.podlens.topic;

import java.util.Arrays;
import java.util.List;

/**
 * Published in the transaction that replaced the mentions of one or more episodes (an
 * extraction or a re-analysis), so that listeners after its commit see the new ones
 * through {@link TopicLookup}. Episodes analysed together are published together, so that
 * a listener can handle them in one go.
 *
 * @param episodeIds ids of the episodes whose mentions were replaced
 */
public record MentionsStored(List<Long> episodeIds) {

	public MentionsStored {
		episodeIds = List.copyOf(episodeIds);
	}

	public static MentionsStored of(long... episodeIds) {
		return new MentionsStored(Arrays.stream(episodeIds).boxed().toList());
	}

}
