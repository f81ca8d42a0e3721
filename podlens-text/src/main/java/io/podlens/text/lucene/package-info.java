/**
 * The Lucene analyzers of Podlens and their token filters and tokenizer, each with an SPI
 * factory so that any Lucene-based engine can load the same chains by name.
 */
@NullMarked
package io.podlens.text.lucene;

import org.jspecify.annotations.NullMarked;
