package io.podlens.topic;

import java.util.List;

/**
 * The names in no taxonomy that an episode introduces, as its last analysis found them.
 * Implemented by discovery, which finds and stores them.
 */
public interface NewNames {

	/** The episode's open (neither accepted nor rejected) new names, most said first. */
	List<EpisodeNewName> inEpisode(long episodeId);

}
