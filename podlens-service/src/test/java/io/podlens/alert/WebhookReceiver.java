package io.podlens.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on the loopback interface (the JDK's HttpServer): records every
 * request with the time it arrived, answers each path with scripted statuses (200 once
 * the script is used up), and checks signatures the way a client would, without the
 * service's own code.
 */
final class WebhookReceiver implements AutoCloseable {

	private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

	/** One request as received. */
	record Received(String path, Map<String, String> headers, byte[] body, long receivedNanos) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		long signedAt() {
			Matcher m = SIGNATURE.matcher(header("X-Podlens-Signature"));
			return m.matches() ? Long.parseLong(m.group(1)) : -1;
		}

		/** Whether the signature header is valid for this body and secret. */
		boolean signedWith(String secret) throws Exception {
			String header = header("X-Podlens-Signature");
			if (header == null) {
				return false;
			}
			Matcher m = SIGNATURE.matcher(header);
			if (!m.matches()) {
				return false;
			}
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] expected = mac.doFinal((m.group(1) + "." + new String(this.body, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
			return MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(2)));
		}

	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

	private volatile int fallback = 200;

	WebhookReceiver() throws IOException {
		this(0);
	}

	WebhookReceiver(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, String> headers = new ConcurrentHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
			String path = exchange.getRequestURI().getPath();
			this.received.add(new Received(path, headers, body, System.nanoTime()));
			Deque<Integer> script = this.scripts.get(path);
			Integer status = (script != null) ? script.poll() : null;
			int code = (status != null) ? status : this.fallback;
			byte[] answer = ((code >= 200 && code < 300) ? "ok" : "receiver says " + code + " " + "x".repeat(400))
				.getBytes(StandardCharsets.UTF_8);
			if (code >= 300 && code < 400) {
				exchange.getResponseHeaders().add("Location", "/followed");
			}
			exchange.sendResponseHeaders(code, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	/** Answers the next requests to the path with these statuses, in order. */
	void script(String path, Integer... statuses) {
		this.scripts.put(path, new ArrayDeque<>(List.of(statuses)));
	}

	/** What every path answers once its script is used up. */
	void answerByDefault(int status) {
		this.fallback = status;
	}

	List<Received> at(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	/** Waits until the path got {@code count} requests. */
	List<Received> await(String path, int count, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (at(path).size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return at(path);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
