package io.podlens.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/** Runs a task from N threads for a while and summarises the latencies. */
final class Latencies {

	record Stats(int clients, long requests, long errors, double p50Ms, double p95Ms, double p99Ms, double perSec) {
	}

	private Latencies() {
	}

	/**
	 * Each client runs {@code task.accept(k)} with k = client, client + 1, client + 2,
	 * ... until the time is up; k picks the query, so every client walks the whole mix
	 * (from its own starting point) and fast queries cannot crowd out slow ones in the
	 * pooled percentiles.
	 */
	static Stats run(int clients, Duration duration, IntConsumer task) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		List<long[]> perClient = new ArrayList<>();
		int[] counts = new int[clients];
		AtomicLong errors = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			long[] samples = new long[1 << 18];
			perClient.add(samples);
			int client = c;
			Thread thread = new Thread(() -> {
				int k = client;
				while (System.nanoTime() < deadline && counts[client] < samples.length) {
					long t0 = System.nanoTime();
					try {
						task.accept(k);
					}
					catch (RuntimeException ex) {
						if (errors.getAndIncrement() == 0) {
							Bench.log("first error with %d clients: %s", clients, ex);
						}
					}
					samples[counts[client]++] = System.nanoTime() - t0;
					k++;
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int total = Arrays.stream(counts).sum();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		return new Stats(clients, total, errors.get(), percentile(all, 50), percentile(all, 95), percentile(all, 99),
				total / seconds);
	}

	static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
		return Math.round(sortedNanos[Math.max(0, index)] / 1e4) / 100.0;
	}

}
