package io.podlens.common;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items of this page
 * @param page 0-based page number
 * @param size requested page size
 * @param total number of items over all pages
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

	public Paged {
		items = List.copyOf(items);
	}

	/**
	 * Checks paging parameters the way every list endpoint does (400 naming the field).
	 */
	public static void validate(int page, int size, int maxSize) {
		if (page < 0) {
			throw InvalidInputException.forField("page", "must be 0 or more, was " + page);
		}
		if (size < 1 || size > maxSize) {
			throw InvalidInputException.forField("size", "must be between 1 and " + maxSize + ", was " + size);
		}
	}

}
