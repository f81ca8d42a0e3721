package io.podlens.topic;

/**
 * Published in the transaction that replaced an episode's mentions (an extraction or a
 * re-analysis), so that listeners after its commit see the new ones through
 * {@link TopicLookup}.
 *
 * @param episodeId id of the episode
 */
public record MentionsStored(long episodeId) {
}
