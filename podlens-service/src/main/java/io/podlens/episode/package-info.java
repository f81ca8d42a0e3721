/**
 * Episodes and their segments: upload and validation of transcripts, storage, export, and
 * the published reads other features use ({@link io.podlens.episode.SegmentSource},
 * {@link io.podlens.episode.StoredSegment}) and events
 * ({@link io.podlens.episode.EpisodeStored}, {@link io.podlens.episode.EpisodeDeleted}).
 */
@org.jspecify.annotations.NullMarked
package io.podlens.episode;
