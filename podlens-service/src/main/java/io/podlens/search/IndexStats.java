package io.podlens.search;

/**
 * State of the search index as searchers currently see it.
 *
 * @param documents number of indexed segments
 * @param maxSegmentId highest segment id ever indexed since the last rebuild, 0 when none
 */
public record IndexStats(long documents, long maxSegmentId) {
}
