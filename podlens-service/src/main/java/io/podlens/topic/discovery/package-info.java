/**
 * Discovery of names that are in no taxonomy: forms that look like names
 * ({@link io.podlens.text.NameCandidates}) and that no topic matched are stored per
 * episode with its mentions, counted across episodes with their variants grouped by
 * sound, and offered for review ({@code /api/topics/candidates}): accepted, a candidate
 * becomes a topic or names of one; rejected, it stays hidden. Internal to the topic
 * module: the topic package calls {@link io.podlens.topic.discovery.CandidateDiscovery}
 * from its analysis and implements {@link io.podlens.topic.discovery.DiscoveryTaxonomy}.
 */
@org.jspecify.annotations.NullMarked
package io.podlens.topic.discovery;
