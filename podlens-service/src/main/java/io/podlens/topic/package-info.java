/**
 * Topics (AI models, companies, people, concepts): the taxonomy, extraction of their
 * mentions from segments, robust to speech-recognition errors, background re-analysis,
 * and the published lookup other features use ({@link io.podlens.topic.TopicLookup}).
 */
@org.jspecify.annotations.NullMarked
package io.podlens.topic;
