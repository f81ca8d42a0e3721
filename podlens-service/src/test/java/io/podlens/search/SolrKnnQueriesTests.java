package io.podlens.search;

import java.util.List;
import java.util.Map;

import org.apache.lucene.document.LongPoint;
import org.junit.jupiter.api.Test;

import io.podlens.text.lucene.QueryCodec;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests of searches by meaning on Solr. */
class SolrKnnQueriesTests {

	@Test
	void theKnnParserGetsTheFieldTheDepthAndTheVector() {
		assertThat(SolrKnnQueries.knn("vector.bge-small-en-v1.5-q", new float[] { 0.5f, -0.25f, 1.0E-5f }, 7))
			.isEqualTo("{!knn f=vector.bge-small-en-v1.5-q topK=7}[0.5,-0.25,1.0E-5]");
	}

	@Test
	void theFiltersGoToThePodlensParserAsFilterQueries() {
		Map<String, Object> params = SolrKnnQueries.nearest("vector.x", new float[] { 1 }, 3,
				LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, 20));
		assertThat(params).containsEntry("q", "{!knn f=vector.x topK=3}[1.0]")
			.containsEntry("fq", "{!podlens}" + QueryCodec.encode(LongPoint.newExactQuery("episodeId", 20)))
			.containsEntry("rows", 3)
			.containsEntry("fl", "id,score");
		assertThat(SolrKnnQueries.nearest("vector.x", new float[] { 1 }, 3, null)).doesNotContainKey("fq");
	}

	@Test
	void similarSegmentsExcludeTheirEpisodeFromEverything() {
		assertThat(SolrKnnQueries.otherEpisodes(LongPoint.newExactQuery(SegmentDocuments.EPISODE_ID, 10)))
			.hasToString("#*:* -episodeId:[10 TO 10]");
		assertThat(SolrKnnQueries.ids(List.of("10!1", "20!6")).toString()).contains("10!1").contains("20!6");
	}

}
