package io.podlens.episode;

/** Maps stored rows to the {@link StoredSegment} record other features see. */
final class StoredSegments {

	private StoredSegments() {
	}

	static StoredSegment of(Episode episode, Segment segment) {
		return new StoredSegment(segment.getId(), episode.getId(), episode.getTitle(), episode.getPodcast(),
				episode.getLanguage(), segment.getIndex(), segment.getStartMs(), segment.getEndMs(),
				segment.getSpeaker(), segment.getText());
	}

}
