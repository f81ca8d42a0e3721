package io.podlens.analysis;

/**
 * A chapter of the Podcasting 2.0 JSON chapters format.
 *
 * @param startTime start in seconds
 * @param endTime end in seconds
 * @param title title in the episode's language
 */
public record Chapter(double startTime, double endTime, String title) {
}
