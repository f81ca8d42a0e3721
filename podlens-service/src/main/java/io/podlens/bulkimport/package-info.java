/**
 * Bulk import: many episodes as NDJSON in one request, stored in batches by a background
 * job whose progress clients poll. Uses the episode feature through
 * {@link io.podlens.episode.EpisodeImports}, so every line passes the same validation as
 * {@code POST /api/episodes}.
 */
@org.jspecify.annotations.NullMarked
package io.podlens.bulkimport;
