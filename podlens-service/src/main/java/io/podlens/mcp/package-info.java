/**
 * A Model Context Protocol server at {@code /mcp} (streamable HTTP): read-only tools that
 * let an AI assistant search segments, find topic mentions, read an episode with its
 * chapters and topics, list topics and read a topic's trend, answering short text with
 * times it can cite. Uses only the published APIs of search, topic, episode and analysis.
 */
@org.jspecify.annotations.NullMarked
package io.podlens.mcp;
