package io.podlens.search;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The collections behind the alias {@code podlens.search.solr.collection}: Podlens
 * creates generation {@code <alias>_1} with the repository's configset on first start,
 * and a rebuild fills the next generation and moves the alias, so searches see the old
 * index until the move and the complete new one after it. The alias carries the index
 * schema ({@code podlens.schema}: what Podlens writes into documents, such as the context
 * window) as a property, so that a start with another schema rebuilds.
 */
final class SolrCollections {

	private static final Logger log = LoggerFactory.getLogger(SolrCollections.class);

	static final String SCHEMA_PROPERTY = "podlens.schema";

	private final SolrApi api;

	private final SolrSearchProperties settings;

	private final SolrConfigset configset;

	SolrCollections(SolrApi api, SolrSearchProperties settings, SolrConfigset configset) {
		this.api = api;
		this.settings = settings;
		this.configset = configset;
	}

	String alias() {
		return this.settings.collection();
	}

	SolrConfigset configset() {
		return this.configset;
	}

	/**
	 * The collection the alias points at, after checking that it uses this configset;
	 * creates generation 1 and the alias when there is no alias yet.
	 * @throws SolrSetupException when Solr cannot be reached, refuses the configset (the
	 * plugin is missing), or the collection was made with another configset
	 */
	String ensure(String schema) {
		try {
			String current = target();
			if (current != null) {
				String configName = configNameOf(current);
				if (!this.configset.name().equals(configName)) {
					throw new SolrSetupException(
							"The Solr collection " + current + " (alias " + alias() + ") uses the configset "
									+ configName + ", but this Podlens needs " + this.configset.name()
									+ " (the configset of its release: schema and solrconfig differ)",
							"Let this release make a collection of its own: delete the alias " + alias()
									+ " and its collection (Solr's collections API: DELETEALIAS, then DELETE), or set "
									+ "podlens.search.solr.collection to a new name. Podlens then creates it with its "
									+ "configset and fills it from the database at start-up.",
							null);
				}
				return current;
			}
			if (collectionNames().containsKey(alias())) {
				throw new SolrSetupException(
						"Solr has a collection named " + alias() + " that is not an alias made by Podlens",
						"Podlens manages its collections behind an alias: set podlens.search.solr.collection to a name "
								+ "Solr does not use yet, or delete that collection.",
						null);
			}
			String first;
			try {
				first = create(1);
			}
			catch (SolrRequestException ex) {
				// Several instances starting at once on an empty cluster all try to
				// create
				// it: the ones that lose wait for the winner's alias.
				if (awaitAliasOfAnother()) {
					return ensure(schema);
				}
				throw ex;
			}
			point(first, schema);
			log.info("Created the Solr collection {} ({} shards x {} replicas, configset {}) behind the alias {}",
					first, this.settings.shards(), this.settings.replicas(), this.configset.name(), alias());
			return first;
		}
		catch (SolrRequestException ex) {
			throw setupFailure(ex);
		}
	}

	/**
	 * After a failed create: whether another instance made generation 1, and its alias
	 * appeared within the request timeout.
	 */
	private boolean awaitAliasOfAnother() {
		if (!collectionNames().containsKey(alias() + "_1")) {
			return false;
		}
		long deadline = System.nanoTime() + this.settings.requestTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			if (target() != null) {
				return true;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private SolrSetupException setupFailure(SolrRequestException ex) {
		if (ex.status() == 0) {
			return new SolrSetupException("Solr is not reachable at " + this.api.urls() + ": " + ex.getMessage(),
					"Start Solr, or correct podlens.search.solr.urls (the nodes' base URLs with /solr).", ex);
		}
		String message = ex.getMessage();
		boolean plugin = message.contains("podlens") || message.contains("SPI class") || message.contains("icu");
		return new SolrSetupException("Solr refused to set up the collection " + alias() + ": " + message, plugin
				? "Install the Podlens plugin jar (podlens-solr-<version>-plugin.jar) in <solr_home>/lib of every "
						+ "Solr node, enable the analysis-extras module (SOLR_MODULES=analysis-extras) and restart "
						+ "the nodes; see docs/scale-out.md."
				: "See Solr's message above and its log; docs/scale-out.md lists what a Solr cluster needs.", ex);
	}

	/** The collection the alias points at, or {@code null} without the alias. */
	@Nullable String target() {
		JsonNode aliases = this.api.get("admin/collections", Map.of("action", "LISTALIASES")).path("aliases");
		JsonNode target = aliases.get(alias());
		return (target != null) ? target.asString() : null;
	}

	/** The index schema recorded on the alias, or {@code null}. */
	@Nullable String schema() {
		JsonNode properties = this.api.get("admin/collections", Map.of("action", "LISTALIASES"))
			.path("properties")
			.path(alias());
		JsonNode schema = properties.get(SCHEMA_PROPERTY);
		return (schema != null) ? schema.asString() : null;
	}

	/** Creates the collection of a generation with this configset (uploaded when new). */
	String create(int generation) {
		uploadConfigset();
		String name = alias() + "_" + generation;
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("action", "CREATE");
		params.put("name", name);
		params.put("numShards", this.settings.shards());
		params.put("replicationFactor", this.settings.replicas());
		params.put("collection.configName", this.configset.name());
		// Routing by the id's prefix (episode id) keeps an episode's segments on one
		// shard.
		params.put("router.name", "compositeId");
		params.put("waitForFinalState", "true");
		this.api.get("admin/collections", params);
		return name;
	}

	/** The next free generation number. */
	int nextGeneration() {
		int highest = 0;
		String prefix = alias() + "_";
		for (String name : collectionNames().keySet()) {
			if (name.startsWith(prefix)) {
				try {
					highest = Math.max(highest, Integer.parseInt(name.substring(prefix.length())));
				}
				catch (NumberFormatException ex) {
					// not one of ours
				}
			}
		}
		return highest + 1;
	}

	/** Moves the alias to the collection and records the index schema on it. */
	void point(String collection, String schema) {
		this.api.get("admin/collections", Map.of("action", "CREATEALIAS", "name", alias(), "collections", collection));
		this.api.get("admin/collections",
				Map.of("action", "ALIASPROP", "name", alias(), "property." + SCHEMA_PROPERTY, schema));
	}

	void delete(String collection) {
		this.api.get("admin/collections", Map.of("action", "DELETE", "name", collection));
	}

	private void uploadConfigset() {
		JsonNode names = this.api.get("admin/configs", Map.of("action", "LIST")).path("configSets");
		for (JsonNode name : names) {
			if (this.configset.name().equals(name.asString())) {
				return;
			}
		}
		try {
			this.api.post("admin/configs", Map.of("action", "UPLOAD", "name", this.configset.name()),
					this.configset.zip(), "application/octet-stream");
		}
		catch (SolrRequestException ex) {
			// Another instance starting at the same time uploaded it first: the same
			// files.
			for (JsonNode name : this.api.get("admin/configs", Map.of("action", "LIST")).path("configSets")) {
				if (this.configset.name().equals(name.asString())) {
					return;
				}
			}
			throw ex;
		}
	}

	private @Nullable String configNameOf(String collection) {
		JsonNode state = this.api.get("admin/collections", Map.of("action", "CLUSTERSTATUS", "collection", collection))
			.path("cluster")
			.path("collections")
			.path(collection);
		JsonNode name = state.get("configName");
		return (name != null) ? name.asString() : null;
	}

	/** The cluster's collections by name. */
	private Map<String, JsonNode> collectionNames() {
		Map<String, JsonNode> names = new LinkedHashMap<>();
		JsonNode collections = this.api.get("admin/collections", Map.of("action", "CLUSTERSTATUS"))
			.path("cluster")
			.path("collections");
		for (Iterator<Map.Entry<String, JsonNode>> it = collections.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			names.put(entry.getKey(), entry.getValue());
		}
		return names;
	}

}
