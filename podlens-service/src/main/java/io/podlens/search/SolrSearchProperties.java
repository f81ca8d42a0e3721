package io.podlens.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SolrCloud backend ({@code podlens.search.backend=solr}), under
 * {@code podlens.search.solr.}. Podlens talks to Solr over its HTTP API (no SolrJ, no
 * ZooKeeper client): any node routes a request to the shards that hold the data, so a
 * list of node URLs is enough; they are tried in turn when one does not answer.
 *
 * @param urls base URLs of Solr nodes, with the {@code /solr} path
 * ({@code http://solr1:8983/solr}); required with the Solr backend
 * @param collection the name searches and writes use: an alias that Podlens creates and
 * points at its current collection ({@code <collection>_<generation>}); a rebuild fills a
 * new generation and moves the alias
 * @param shards shards of a collection Podlens creates
 * @param replicas replicas (NRT) of each shard of a collection Podlens creates
 * @param connectTimeout how long to wait for a connection to a node
 * @param requestTimeout how long to wait for an answer (creating a collection takes
 * seconds)
 */
@ConfigurationProperties("podlens.search.solr")
public record SolrSearchProperties(List<URI> urls, @DefaultValue("podlens") String collection,
		@DefaultValue("2") int shards, @DefaultValue("2") int replicas, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("120s") Duration requestTimeout) {

	public SolrSearchProperties {
		urls = (urls != null) ? List.copyOf(urls) : List.of();
		if (!collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
			throw new IllegalArgumentException(
					"podlens.search.solr.collection must be letters, digits, '.', '_' or '-', was '" + collection
							+ "'");
		}
		if (shards < 1 || replicas < 1) {
			throw new IllegalArgumentException("podlens.search.solr.shards and replicas must be at least 1");
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
				|| requestTimeout.isZero()) {
			throw new IllegalArgumentException("podlens.search.solr timeouts must be positive");
		}
	}

}
