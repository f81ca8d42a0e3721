package io.podlens.search;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.lucene.document.LongPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.podlens.common.TestPodlensProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The search contract on a SolrCloud collection of 2 shards × 2 replicas, on the cluster
 * that {@code scripts/solr-test-cluster.sh start} runs: {@code -Dpodlens.solr.endpoints=}
 * its endpoints file. Skips without it, fails instead with
 * {@code -Dpodlens.solr.required=true} (CI). Each test class run makes a collection of
 * its own (alias {@code contract<random>}) and deletes it afterwards.
 */
class SolrSegmentSearchContractIT extends SegmentSearchContract {

	private static List<URI> urls;

	private static SolrSearchProperties settings;

	private SolrSegmentSearch search;

	@BeforeAll
	static void cluster() throws Exception {
		String endpoints = System.getProperty("podlens.solr.endpoints", "");
		boolean required = Boolean.getBoolean("podlens.solr.required");
		if (endpoints.isBlank() || !Files.isRegularFile(Path.of(endpoints))) {
			if (required) {
				throw new IllegalStateException("podlens.solr.required=true but the Solr endpoints file '" + endpoints
						+ "' does not exist: start scripts/solr-test-cluster.sh first");
			}
			Assumptions
				.abort("no Solr test cluster (-Dpodlens.solr.endpoints=target/solr-test-cluster/endpoints.json)");
		}
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(Path.of(endpoints)));
		urls = new ArrayList<>();
		json.path("solr").forEach((url) -> urls.add(URI.create(url.asString())));
		settings = new SolrSearchProperties(urls, "contract" + UUID.randomUUID().toString().substring(0, 8), 2, 2,
				Duration.ofSeconds(5), Duration.ofSeconds(180));
	}

	@AfterAll
	static void dropCollections() {
		if (settings == null) {
			return;
		}
		SolrApi api = api();
		api.get("admin/collections", Map.of("action", "DELETEALIAS", "name", settings.collection()));
		JsonNode collections = api.get("admin/collections", Map.of("action", "CLUSTERSTATUS"))
			.path("cluster")
			.path("collections");
		for (String name : collections.propertyNames()) {
			if (name.startsWith(settings.collection() + "_")) {
				api.get("admin/collections", Map.of("action", "DELETE", "name", name));
			}
		}
	}

	private static SolrApi api() {
		return new SolrApi(urls, settings.connectTimeout(), settings.requestTimeout());
	}

	@Override
	Backend open(FakeSegmentSource source, TopicMatches topics) {
		this.search = new SolrSegmentSearch(api(), settings,
				new QueryTranslator(TestPodlensProperties.withDataDir(Path.of("target")), SearchSettings.defaults()),
				source, topics, SearchSettings.defaults(), Optional.of(this.embeddings),
				SemanticSearchProperties.defaults());
		// One collection for the class; each test starts from an empty one.
		SolrApi api = this.search.api();
		api.post(settings.collection() + "/update", Map.of("commit", "true", "softCommit", "true"),
				api.toJson(Map.of("delete", Map.of("query", "*:*"))), "application/json");
		return new Backend(this.search, this.search, new SolrTopicCounts(this.search));
	}

	@Test
	void theCollectionHasTheConfigsetItWasMadeWith() {
		SolrCollections collections = this.search.collections();
		String target = collections.target();
		assertThat(target).startsWith(settings.collection() + "_");
		JsonNode state = this.search.api()
			.get("admin/collections", Map.of("action", "CLUSTERSTATUS", "collection", target))
			.path("cluster")
			.path("collections")
			.path(target);
		assertThat(state.path("configName").asString()).isEqualTo(SolrConfigset.load().name());
		assertThat(state.path("shards").size()).isEqualTo(2);
		state.path("shards").forEach((shard) -> assertThat(shard.path("replicas").size()).isEqualTo(2));
	}

	@Test
	void aModelWithoutAVectorFieldOfItsLengthStopsTheStart() {
		QueryTranslator translator = new QueryTranslator(TestPodlensProperties.withDataDir(Path.of("target")),
				SearchSettings.defaults());
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new SolrSegmentSearch(api(), settings, translator, this.source, FakeTopicLookup.none(),
					SearchSettings.defaults(), Optional.of(new FakeEmbeddings("fake-3d", 3)),
					SemanticSearchProperties.defaults()))
			.withMessageContaining("no vector field vector.fake-3d");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new SolrSegmentSearch(api(), settings, translator, this.source, FakeTopicLookup.none(),
					SearchSettings.defaults(), Optional.of(new FakeEmbeddings("bge-small-zh-v1.5-q", 384)),
					SemanticSearchProperties.defaults()))
			.withMessageContaining("has 512 dimensions, but the embedding model bge-small-zh-v1.5-q makes 384");
	}

	@Test
	void theKnnFilterQueriesAreThePreFilter() {
		// Two segments of one episode (one shard), the 1 nearest asked for among those
		// from the second minute on: a post-filter would drop the nearest of all and find
		// none.
		// (tiny components: floats written and queried in exponent notation, 1.0E-5)
		this.embeddings.store(1, 1, 0, 0.00001f);
		this.embeddings.store(2, 0.5f, 0.5f, -0.00001f);
		this.search.reindexSegments(List.of(1L, 2L));
		float[] query = this.embeddings.unit(1, 0.00001f, 0);
		assertThat(SolrKnnQueries.knn("f", query, 1)).contains("E-");
		JsonNode docs = this.search
			.select(SolrKnnQueries.nearest("vector.bge-small-en-v1.5-q", query, 1,
					LongPoint.newRangeQuery(SegmentDocuments.START_MS, 60_000, Long.MAX_VALUE)))
			.path("response")
			.path("docs");
		assertThat(docs.size()).isEqualTo(1);
		assertThat(docs.get(0).path("id").asString()).isEqualTo("10!2");
	}

	@Test
	void aCollectionOfAnotherConfigsetStopsTheStartSayingWhatToDo() {
		String target = this.search.collections().target();
		SolrApi api = this.search.api();
		// an alias of another name pointing at a collection made with another configset
		String other = settings.collection() + "_other";
		api.post("admin/configs", Map.of("action", "UPLOAD", "name", "podlens-000000000000"),
				SolrConfigset.load().zip(), "application/octet-stream");
		try {
			api.get("admin/collections", Map.of("action", "CREATE", "name", other + "_1", "numShards", 1,
					"replicationFactor", 1, "collection.configName", "podlens-000000000000"));
			api.get("admin/collections", Map.of("action", "CREATEALIAS", "name", other, "collections", other + "_1"));
			SolrSearchProperties mismatched = new SolrSearchProperties(urls, other, 1, 1, Duration.ofSeconds(5),
					Duration.ofSeconds(180));
			assertThatExceptionOfType(SolrSetupException.class)
				.isThrownBy(() -> new SolrSegmentSearch(api, mismatched,
						new QueryTranslator(TestPodlensProperties.withDataDir(Path.of("target")),
								SearchSettings.defaults()),
						this.source, FakeTopicLookup.none(), SearchSettings.defaults(), Optional.empty(),
						SemanticSearchProperties.defaults()))
				.withMessageContaining("uses the configset podlens-000000000000")
				.satisfies((ex) -> assertThat(ex.action()).contains("DELETEALIAS"));
		}
		finally {
			api.get("admin/collections", Map.of("action", "DELETEALIAS", "name", other));
			api.get("admin/collections", Map.of("action", "DELETE", "name", other + "_1"));
			api.get("admin/configs", Map.of("action", "DELETE", "name", "podlens-000000000000"));
		}
		assertThat(this.search.collections().target()).isEqualTo(target);
	}

}
