/**
 * Transcript formats: reading (timestamped text, SRT, WebVTT, Podcasting 2.0 JSON and
 * HTML, Whisper JSON, with detection), grouping word-level cues into readable segments,
 * writing exports, and detecting the language. Plain Java: no Spring here.
 */
@org.jspecify.annotations.NullMarked
package io.podlens.transcript;
