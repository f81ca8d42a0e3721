package io.podlens.topic;

/**
 * Published in the transaction that deleted a topic and, with it, all its mentions.
 *
 * @param topicId id of the deleted topic
 */
public record TopicDeleted(String topicId) {
}
