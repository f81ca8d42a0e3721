package io.podlens.embedding;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The requests users wait on that the model would slow down: imports
 * ({@code POST /api/episodes}) and searches ({@code GET /api/search}). The worker runs
 * the model only when none is in flight and none ended for
 * {@code podlens.embedding.quiet-after}: on two cores an import that has to share them
 * with the model takes longer, and under load the gaps between imports are longer than
 * any fixed pause after a stored episode. Polled endpoints (progress, health) do not
 * count, so that a dashboard cannot hold embedding back.
 */
class ForegroundRequests extends OncePerRequestFilter {

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile long lastEnded = System.nanoTime() - Long.MAX_VALUE / 2;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(("POST".equals(request.getMethod()) && path.equals("/api/episodes"))
				|| ("GET".equals(request.getMethod()) && path.equals("/api/search")));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.inFlight.incrementAndGet();
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.lastEnded = System.nanoTime();
			this.inFlight.decrementAndGet();
		}
	}

	/** Notes work that ended now (an episode stored outside a request). */
	void ended() {
		this.lastEnded = System.nanoTime();
	}

	/**
	 * Blocks until no such request is in flight and none ended for {@code quietNanos}.
	 */
	void awaitQuiet(long quietNanos) throws InterruptedException {
		while (true) {
			long quietFor = System.nanoTime() - this.lastEnded;
			if (this.inFlight.get() == 0 && quietFor >= quietNanos) {
				return;
			}
			TimeUnit.NANOSECONDS.sleep(Math.max(TimeUnit.MILLISECONDS.toNanos(20), quietNanos - quietFor));
		}
	}

}
