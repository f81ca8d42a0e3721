/**
 * Sentence embeddings of segment texts for semantic search: the model (shipped inside a
 * Maven artifact and run with ONNX Runtime), the background worker that embeds stored
 * segments, and the durable store of their vectors.
 */
@org.jspecify.annotations.NullMarked
package io.podlens.embedding;
