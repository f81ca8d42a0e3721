package io.podlens.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code podlens.api-key} set, requires the header {@code X-API-Key} carrying that
 * key on every request that changes something (any method but GET, HEAD and OPTIONS) and
 * on everything under {@code /api/admin}, {@code /api/alerts} (alerts show their webhook
 * URLs, which may carry a receiver's token) and {@code /mcp} (the MCP endpoint, whose
 * reads are tool calls an assistant makes on a user's behalf); other reads stay open.
 * Answers 401 otherwise. Without the setting the API is open and a warning is logged at
 * startup.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	/** Paths whose reads need the key too, with everything below them. */
	static final List<String> GUARDED_READS = List.of("/api/admin", "/api/alerts", "/mcp");

	/** SHA-256 of the key, or null when the API is open. */
	private final byte[] expected;

	ApiKeyFilter(PodlensProperties properties) {
		this.expected = (properties.apiKey() != null) ? sha256(properties.apiKey()) : null;
		if (this.expected == null) {
			log.warn("podlens.api-key is not set: anyone who can reach this service can import, delete and rebuild. "
					+ "Set PODLENS_API_KEY to require the X-API-Key header on write and admin requests.");
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.expected == null || !needsKey(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		// Comparing digests takes the same time whatever the key and hides its length.
		if (given != null && MessageDigest.isEqual(this.expected, sha256(given))) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, HEADER);
		FilterProblems.write(request, response, HttpStatus.UNAUTHORIZED, "API key required", (given == null)
				? "This request changes data, is an admin request, reads alerts or goes to the MCP endpoint: send the API key in the "
						+ HEADER + " header"
				: "The " + HEADER + " header does not carry the configured API key", Map.of("header", HEADER));
	}

	static boolean needsKey(HttpServletRequest request) {
		if (!READ_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
			return true;
		}
		// The container has decoded and normalised the servlet path, so "/api/%61dmin" or
		// "/api/x/../admin" cannot slip past the check.
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return isGuardedRead(path);
	}

	/** Whether reads of the path need the key (case ignored, as the path is matched). */
	static boolean isGuardedRead(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		for (String guarded : GUARDED_READS) {
			if (lower.equals(guarded) || lower.startsWith(guarded + "/")) {
				return true;
			}
		}
		return false;
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
