package io.podlens.solr.testcluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Starts a SolrCloud of real Solr nodes with an embedded ZooKeeper
 * ({@link MiniSolrCloudCluster} of solr-test-framework), on free loopback ports, with the
 * plugin (this module and the text kernel) on the nodes' class path, and runs until
 * killed. No collection: Podlens uploads its configset and creates its collection.
 * <p>
 * Writes the endpoints as JSON once every node is up:
 * {@code {"solr": ["http://127.0.0.1:PORT/solr", ...], "zkHost": "127.0.0.1:PORT/solr",
 * "pid": N, "startMs": M}}.
 * <p>
 * Arguments: {@code --nodes N} (2), {@code --dir DIR} (the nodes' homes and the ZooKeeper
 * data, created fresh), {@code --endpoints FILE}. Used by
 * {@code scripts/solr-test-cluster.sh}.
 */
public final class TestCluster {

	private TestCluster() {
	}

	public static void main(String[] args) throws Exception {
		int nodes = 2;
		Path dir = Path.of("target/solr-test-cluster");
		Path endpoints = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--nodes" -> nodes = Integer.parseInt(args[++i]);
				case "--dir" -> dir = Path.of(args[++i]);
				case "--endpoints" -> endpoints = Path.of(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]
						+ "; usage: TestCluster [--nodes N] [--dir DIR] [--endpoints FILE]");
			}
		}
		if (endpoints == null) {
			endpoints = dir.resolve("endpoints.json");
		}
		long started = System.nanoTime();
		Files.createDirectories(dir);
		MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, dir.toAbsolutePath(),
				JettyConfig.builder().setPort(0).build());
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				cluster.shutdown();
			}
			catch (Exception ex) {
				System.err.println("Solr test cluster: shutdown failed: " + ex);
			}
			finally {
				stopped.countDown();
			}
		}, "solr-test-cluster-shutdown"));
		List<String> urls = cluster.getJettySolrRunners()
			.stream()
			.map(JettySolrRunner::getBaseUrl)
			.map((url) -> url.toString().replace("localhost", "127.0.0.1"))
			.toList();
		long tookMs = (System.nanoTime() - started) / 1_000_000;
		String json = "{\"solr\": [" + String.join(", ", urls.stream().map((u) -> "\"" + u + "\"").toList())
				+ "], \"zkHost\": \"" + cluster.getZkServer().getZkAddress() + "\", \"pid\": "
				+ ProcessHandle.current().pid() + ", \"startMs\": " + tookMs + "}\n";
		Path temporary = endpoints.resolveSibling(endpoints.getFileName() + ".tmp");
		Files.writeString(temporary, json, StandardCharsets.UTF_8);
		Files.move(temporary, endpoints, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		System.out.println("Solr test cluster: " + nodes + " nodes up in " + tookMs + " ms: " + json.trim());
		stopped.await();
	}

}
