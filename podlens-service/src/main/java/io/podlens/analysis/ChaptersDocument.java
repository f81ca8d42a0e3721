package io.podlens.analysis;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A Podcasting 2.0 JSON chapters document (version 1.2.0), served as
 * {@code application/json+chapters}.
 *
 * @param version format version, always {@code 1.2.0}
 * @param title episode title
 * @param podcastName podcast name, omitted when unknown
 * @param chapters chapters in ascending start time, the first at 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChaptersDocument(String version, String title, @Nullable String podcastName, List<Chapter> chapters) {

	public static final String VERSION = "1.2.0";

	public static final String MEDIA_TYPE = "application/json+chapters";

	public ChaptersDocument {
		chapters = List.copyOf(chapters);
	}

}
