/**
 * Full-text search over the stored segments with Lucene: the index, its rebuild, query
 * parsing, sounds-like matching, snippets and keywords.
 */
@org.jspecify.annotations.NullMarked
package io.podlens.search;
