package io.podlens.episode;

import java.util.List;

/**
 * Importing many episodes at once with the same rules as {@code POST /api/episodes}:
 * {@link #validate} checks one request without touching the database, {@link #storeAll}
 * stores a batch of validated episodes in one transaction.
 */
public interface EpisodeImports {

	/**
	 * Checks the request's fields (bean validation), reads its transcript and applies the
	 * segment limits.
	 * @throws io.podlens.common.InvalidInputException naming the field (and the
	 * transcript line) that is wrong
	 */
	ValidatedEpisode validate(NewEpisodeRequest request);

	/**
	 * Stores the episodes in one transaction: all of them or, when any fails, none. The
	 * transaction publishes one bulk {@link EpisodesStored} with their ids: they are
	 * searchable for sure only after {@link BulkIndexing#flush()}.
	 * @throws io.podlens.common.ConflictException when an externalId is taken
	 * @throws RuntimeException on any other failure (database errors included)
	 */
	List<EpisodeView> storeAll(List<ValidatedEpisode> episodes);

}
