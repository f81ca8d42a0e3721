package io.podlens.search;

/**
 * Outcome of rebuilding the index from the database.
 *
 * @param segments number of segments indexed
 * @param tookMs wall-clock duration in milliseconds
 */
public record RebuildReport(long segments, long tookMs) {
}
