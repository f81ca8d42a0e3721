package io.podlens.bench;

import java.util.List;
import java.util.Map;

/** The human-readable table of a benchmark run. */
final class BenchReport {

	private BenchReport() {
	}

	@SuppressWarnings("unchecked")
	static void print(Map<String, Object> summary, List<Map<String, Object>> scale, Map<Integer, Latencies.Stats> http,
			Map<Integer, Latencies.Stats> lucene) {
		Map<String, Object> ingest = (Map<String, Object>) summary.get("ingest");
		Map<String, Object> like = (Map<String, Object>) summary.get("likeBaseline");
		StringBuilder t = new StringBuilder();
		t.append(String.format("%n## Podlens benchmark: %,d segments%n%n", (Long) summary.get("segments")));
		t.append(String.format("| ingest | segments/s |%n|---|---:|%n"));
		t.append(String.format("| bulk import over HTTP (DB + index) | %,d |%n", ingest.get("serviceSegmentsPerSec")));
		t.append(
				String.format("| raw Lucene IndexWriter, same analyzer | %,d |%n", ingest.get("luceneSegmentsPerSec")));
		t.append(String.format("| ratio | %s |%n%n", ingest.get("ratio")));
		t.append(String
			.format("| clients | HTTP p50 | p95 | p99 | req/s | Lucene p50 | p95 | p99 | req/s | p50 ratio |%n"));
		t.append(String.format("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
		for (Map.Entry<Integer, Latencies.Stats> entry : http.entrySet()) {
			Latencies.Stats h = entry.getValue();
			Latencies.Stats d = lucene.get(entry.getKey());
			t.append(String.format("| %d | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %.0f | %.2f |%n",
					entry.getKey(), h.p50Ms(), h.p95Ms(), h.p99Ms(), h.perSec(), d.p50Ms(), d.p95Ms(), d.p99Ms(),
					d.perSec(), h.p50Ms() / d.p50Ms()));
		}
		t.append(String.format("%nSQL LIKE '%%term%%' (single terms, 1 client): p50 %s ms, p99 %s ms%n%n",
				like.get("p50Ms"), like.get("p99Ms")));
		t.append(String.format(
				"| segments | import seg/s | topics s | index MB | DB MB | heap used MB | RSS MB | start-up s | rebuild s | search p50 ms | p99 |%n"));
		t.append(String.format("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
		for (Map<String, Object> p : scale) {
			t.append(String.format("| %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
					(Long) p.get("segments"), (Long) p.get("importSegmentsPerSec"), p.get("topicCatchUpSeconds"),
					p.get("indexSizeMb"), p.get("databaseSizeMb"), p.get("heapUsedMb"), p.get("rssMb"),
					p.get("startupSeconds"), p.get("rebuildSeconds"), p.get("searchP50Ms"), p.get("searchP99Ms")));
		}
		Map<String, Object> semantic = (Map<String, Object>) summary.get("semantic");
		if (semantic != null) {
			t.append(String.format(
					"%n| embeddings (%s) | segments | with vector | s | segments/s | distinct texts | texts/s |%n",
					semantic.get("model")));
			t.append(String.format("|---|---:|---:|---:|---:|---:|---:|%n"));
			t.append(String.format("| background catch-up | %,d | %,d | %s | %s | %,d | %s |%n%n",
					(Long) semantic.get("segments"), (Long) semantic.get("embedded"), semantic.get("embedSeconds"),
					semantic.get("segmentsPerSec"), (Long) semantic.get("distinctTexts"),
					semantic.get("distinctTextsPerSec")));
			t.append(String.format("index settled %s s after the last vector (%s CPU s of merges)%n%n",
					semantic.get("settleSeconds"), semantic.get("settleCpuSeconds")));
			t.append(String.format(
					"| mode (1 client, query cache off) | p50 ms | p95 | p99 | req/s |%n|---|---:|---:|---:|---:|%n"));
			Map<String, Object> modes = (Map<String, Object>) semantic.get("searchAtOneClient");
			for (Map.Entry<String, Object> mode : modes.entrySet()) {
				Map<String, Object> m = (Map<String, Object>) mode.getValue();
				t.append(String.format("| %s | %s | %s | %s | %s |%n", mode.getKey(), m.get("p50Ms"), m.get("p95Ms"),
						m.get("p99Ms"), m.get("perSec")));
			}
			t.append(String.format(
					"%nwith vectors: index %s MB, database %s MB, heap used %s MB, RSS %s MB; jar %s MB%n",
					semantic.get("indexSizeMb"), semantic.get("databaseSizeMb"), semantic.get("heapUsedMb"),
					semantic.get("rssMb"), semantic.get("jarMb")));
		}
		Map<String, Object> both = (Map<String, Object>) summary.get("sideBySide");
		if (both != null) {
			Map<String, Object> embedded = (Map<String, Object>) both.get("lucene");
			Map<String, Object> solr = (Map<String, Object>) both.get("solr");
			Map<String, Object> setup = (Map<String, Object>) summary.get("solr");
			t.append(String.format(
					"%n| over HTTP, 1 client | embedded Lucene | Solr (%s nodes, %s shards x %s replicas) |%n",
					setup.get("nodes"), setup.get("shards"), setup.get("replicas")));
			t.append(String.format("|---|---:|---:|%n"));
			t.append(String.format("| bulk import, segments/s | %,d | %,d |%n", embedded.get("ingestSegmentsPerSec"),
					solr.get("ingestSegmentsPerSec")));
			t.append(String.format("| search p50 / p95 ms | %s / %s | %s / %s |%n", embedded.get("searchP50Ms"),
					embedded.get("searchP95Ms"), solr.get("searchP50Ms"), solr.get("searchP95Ms")));
			t.append(String.format("| topic= p50 / p95 ms | %s / %s | %s / %s |%n", embedded.get("topicP50Ms"),
					embedded.get("topicP95Ms"), solr.get("topicP50Ms"), solr.get("topicP95Ms")));
			t.append(String.format("| index on disk MB | %s | %s (all replicas) |%n", embedded.get("indexMb"),
					solr.get("indexMbAllReplicas")));
			t.append(String.format("%nSolr / Lucene: ingest %s, search p50 %s%n", both.get("ingestRatioSolrToLucene"),
					both.get("searchP50RatioSolrToLucene")));
			appendSolrScale(t, setup);
		}
		t.append(String.format("%nload average: %s at the start, %s at the end%n", summary.get("loadAverageStart"),
				summary.get("loadAverageEnd")));
		t.append(String.format("%nmachine: %s%nnotes: %s%n", summary.get("machine"), summary.get("notes")));
		System.out.print(t);
	}

	/** The Solr phase alone (bench.sh --backend solr --solr-only). */
	@SuppressWarnings("unchecked")
	static void printSolr(Map<String, Object> summary) {
		Map<String, Object> solr = (Map<String, Object>) summary.get("solr");
		Map<String, Object> ingest = (Map<String, Object>) solr.get("ingest");
		Map<String, Object> search = (Map<String, Object>) solr.get("search");
		Map<String, Object> topic = (Map<String, Object>) solr.get("topicFilter");
		StringBuilder t = new StringBuilder();
		t.append(String.format("%n## Podlens on Solr (%s nodes, %s shards x %s replicas, %s): %,d segments%n%n",
				solr.get("nodes"), solr.get("shards"), solr.get("replicas"), solr.get("database"),
				(Long) summary.get("segments")));
		t.append(String.format("bulk import over HTTP: %,d segments/s%n", ingest.get("serviceSegmentsPerSec")));
		t.append(String.format("search p50 / p95, 1 client: %s / %s ms; topic= %s / %s ms%n", search.get("p50Ms"),
				search.get("p95Ms"), topic.get("p50Ms"), topic.get("p95Ms")));
		appendSolrScale(t, solr);
		t.append(String.format("%nload average: %s at the start, %s at the end%n", summary.get("loadAverageStart"),
				summary.get("loadAverageEnd")));
		System.out.print(t);
	}

	@SuppressWarnings("unchecked")
	private static void appendSolrScale(StringBuilder t, Map<String, Object> solr) {
		t.append(String.format(
				"%n| Solr: segments | import seg/s | topics s | index MB (all replicas) | deleted docs | Solr heap after GC MB | Solr RSS MB | DB bytes |%n"));
		t.append(String.format("|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
		Map<String, Object> empty = (Map<String, Object>) solr.get("empty");
		if (empty != null) {
			t.append(String.format("| 0 | | | %s | %s | %s | %s | %,d |%n", empty.get("indexMbAllReplicas"),
					empty.get("deletedDocs"), empty.get("solrHeapUsedAfterGcMb"), empty.get("solrRssMb"),
					(Long) empty.get("databaseBytes")));
		}
		for (Map<String, Object> p : (List<Map<String, Object>>) solr.get("scale")) {
			t.append(String.format("| %,d | %,d | %s | %s | %s | %s | %s | %,d |%n", (Long) p.get("segments"),
					(Long) p.get("importSegmentsPerSec"), p.get("topicCatchUpSeconds"), p.get("indexMbAllReplicas"),
					p.get("deletedDocs"), p.get("solrHeapUsedAfterGcMb"), p.get("solrRssMb"),
					(Long) p.get("databaseBytes")));
		}
		t.append(String.format("%nper segment (growth from the empty collection): %s%n", solr.get("perSegment")));
	}

}
