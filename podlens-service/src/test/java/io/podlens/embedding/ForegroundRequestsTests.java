package io.podlens.embedding;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's throttle: it waits while an import or a search is in flight and for the
 * quiet time after; other requests do not hold it back.
 */
class ForegroundRequestsTests {

	private final ForegroundRequests requests = new ForegroundRequests();

	@Test
	void importsAndSearchesInFlightHoldTheWorkerBack() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> request = CompletableFuture.runAsync(() -> run("POST", "/api/episodes", () -> {
			inside.countDown();
			await(release);
		}));
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
			try {
				this.requests.awaitQuiet(TimeUnit.MILLISECONDS.toNanos(200));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(300);
		assertThat(worker).as("waits while the import runs").isNotDone();
		long released = System.nanoTime();
		release.countDown();
		request.get(5, TimeUnit.SECONDS);
		worker.get(5, TimeUnit.SECONDS);
		assertThat(System.nanoTime() - released).as("and for the quiet time after")
			.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(180));
	}

	@Test
	void onlyImportsAndSearchesCount() {
		assertThat(counts("POST", "/api/episodes")).isTrue();
		assertThat(counts("GET", "/api/search")).isTrue();
		assertThat(counts("GET", "/api/admin/embeddings")).isFalse();
		assertThat(counts("GET", "/api/episodes")).isFalse();
		assertThat(counts("POST", "/api/episodes/3/analysis")).isFalse();
		assertThat(counts("GET", "/actuator/health")).isFalse();
	}

	private boolean counts(String method, String path) {
		boolean[] held = new boolean[1];
		ForegroundRequests fresh = new ForegroundRequests();
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		try {
			fresh.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
				CompletableFuture<Void> probe = CompletableFuture.runAsync(() -> {
					try {
						fresh.awaitQuiet(0);
					}
					catch (InterruptedException ex) {
						throw new IllegalStateException(ex);
					}
				});
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
				held[0] = !probe.isDone();
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return held[0];
	}

	private void run(String method, String path, Runnable inside) {
		try {
			this.requests.doFilter(new MockHttpServletRequest(method, path), new MockHttpServletResponse(),
					(req, res) -> inside.run());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
