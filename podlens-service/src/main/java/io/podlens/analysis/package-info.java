/**
 * Analysis of one episode's segments: themes over time, sponsor reads, Podcasting 2.0
 * chapters and a timeline picture. Reads segments through
 * {@link io.podlens.episode.SegmentSource} and topic mentions through
 * {@link io.podlens.topic.TopicLookup} (for {@link io.podlens.analysis.TimelineMarks}).
 */
@org.jspecify.annotations.NullMarked
package io.podlens.analysis;
