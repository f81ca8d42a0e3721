package io.podlens.solr.testcluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
 * "control": "http://127.0.0.1:PORT", "pid": N, "startMs": M}}.
 * <p>
 * The control address stops and starts single nodes, for tests of what happens while a
 * node is away: {@code POST /nodes/I/stop} stops node {@code I} (0-based, in the order of
 * {@code solr}): its Jetty and its cores close and ZooKeeper forgets it, as for a crashed
 * node, though Solr is told, so its ZooKeeper session ends at once instead of after its
 * timeout. {@code POST /nodes/I/start} starts it again on the same port with the same
 * cores, which then recover from their shards' leaders. Both answer once done.
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
		HttpServer control = control(cluster);
		List<String> urls = cluster.getJettySolrRunners()
			.stream()
			.map(JettySolrRunner::getBaseUrl)
			.map((url) -> url.toString().replace("localhost", "127.0.0.1"))
			.toList();
		long tookMs = (System.nanoTime() - started) / 1_000_000;
		String json = "{\"solr\": [" + String.join(", ", urls.stream().map((u) -> "\"" + u + "\"").toList())
				+ "], \"zkHost\": \"" + cluster.getZkServer().getZkAddress() + "\", \"control\": \"http://127.0.0.1:"
				+ control.getAddress().getPort() + "\", \"pid\": " + ProcessHandle.current().pid() + ", \"startMs\": "
				+ tookMs + "}\n";
		Path temporary = endpoints.resolveSibling(endpoints.getFileName() + ".tmp");
		Files.writeString(temporary, json, StandardCharsets.UTF_8);
		Files.move(temporary, endpoints, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		System.out.println("Solr test cluster: " + nodes + " nodes up in " + tookMs + " ms: " + json.trim());
		stopped.await();
	}

	/** The loopback control endpoint: stops and starts single nodes. */
	private static HttpServer control(MiniSolrCloudCluster cluster) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		// Fixed at start, so a node keeps its number while it is stopped.
		List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
		server.createContext("/nodes/", (exchange) -> {
			try {
				String[] parts = exchange.getRequestURI().getPath().split("/");
				if (!"POST".equals(exchange.getRequestMethod()) || parts.length != 4) {
					answer(exchange, 400, "usage: POST /nodes/I/stop or POST /nodes/I/start");
					return;
				}
				int node = Integer.parseInt(parts[2]);
				if (node < 0 || node >= runners.size()) {
					answer(exchange, 404, "no node " + node + " (0 to " + (runners.size() - 1) + ")");
					return;
				}
				JettySolrRunner runner = runners.get(node);
				long started = System.nanoTime();
				switch (parts[3]) {
					case "stop" -> {
						if (runner.isRunning()) {
							cluster.stopJettySolrRunner(runner);
							cluster.waitForJettyToStop(runner);
						}
					}
					case "start" -> {
						if (!runner.isRunning()) {
							// reusing the node's port keeps its URL
							cluster.startJettySolrRunner(runner, true);
							cluster.waitForNode(runner, 60);
						}
					}
					default -> {
						answer(exchange, 400, "unknown command " + parts[3] + "; stop or start");
						return;
					}
				}
				long tookMs = (System.nanoTime() - started) / 1_000_000;
				System.out.println("Solr test cluster: node " + node + " " + parts[3] + " in " + tookMs + " ms");
				answer(exchange, 200, "{\"node\": " + node + ", \"running\": " + runner.isRunning() + ", \"tookMs\": "
						+ tookMs + "}");
			}
			catch (Exception ex) {
				answer(exchange, 500, String.valueOf(ex));
			}
		});
		server.start();
		return server;
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
