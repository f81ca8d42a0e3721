/**
 * The event feed for clients that poll instead of receiving webhooks: episodes imported
 * and deleted, mentions found, written in the transaction of the data they describe and
 * read with an opaque cursor ({@code GET /api/events}).
 */
@org.jspecify.annotations.NullMarked
package io.podlens.feed;
