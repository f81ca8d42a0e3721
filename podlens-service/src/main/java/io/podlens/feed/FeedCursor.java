package io.podlens.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.podlens.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The opaque cursor of the feed: a versioned position, base64url-encoded so that clients
 * do not build or compare cursors themselves and the encoding can change.
 */
final class FeedCursor {

	private static final String PREFIX = "f1.";

	private FeedCursor() {
	}

	static String of(long seq) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The position named by a cursor: 0, before the first event, when there is none.
	 * @throws InvalidInputException naming {@code cursor} when it is not one this service
	 * handed out
	 */
	static long parse(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(cursor);
		}
		if (!decoded.startsWith(PREFIX)) {
			throw invalid(cursor);
		}
		try {
			long seq = Long.parseLong(decoded.substring(PREFIX.length()));
			if (seq < 0) {
				throw invalid(cursor);
			}
			return seq;
		}
		catch (NumberFormatException ex) {
			throw invalid(cursor);
		}
	}

	private static InvalidInputException invalid(String cursor) {
		String shown = (cursor.length() > 40) ? cursor.substring(0, 40) + "…" : cursor;
		return InvalidInputException.forField("cursor", "'" + shown
				+ "' is not a cursor of this feed; pass the cursor of an earlier answer, or none to start at the beginning");
	}

}
