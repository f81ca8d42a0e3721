/**
 * A SolrCloud for tests and trials, started from Maven artifacts (not part of the plugin
 * jar).
 */
package io.podlens.solr.testcluster;
