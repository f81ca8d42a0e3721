/**
 * The Solr plugin: the text kernel's analysis factories (shaded into the plugin jar) and
 * the {@code podlens} query parser.
 */
package io.podlens.solr;
