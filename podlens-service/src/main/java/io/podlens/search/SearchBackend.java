package io.podlens.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which engine holds the segment index: {@code podlens.search.backend=lucene} (default:
 * embedded in this process, under the data directory) or {@code solr} (a SolrCloud
 * collection, settings under {@code podlens.search.solr}, see
 * {@link SolrSearchProperties} and docs/scale-out.md). Both implement
 * {@link SegmentSearch} and pass the same contract tests.
 *
 * @param backend the engine; another value stops the start naming the setting
 */
@ConfigurationProperties("podlens.search")
public record SearchBackend(@DefaultValue("lucene") Kind backend) {

	/** The setting's name, for the beans of one backend only. */
	static final String PROPERTY = "podlens.search.backend";

	/** The search engines Podlens can use. */
	public enum Kind {

		/**
		 * Embedded Lucene index in the data directory: one instance per data directory.
		 */
		LUCENE,

		/** A SolrCloud collection shared by any number of instances. */
		SOLR

	}

}
