package io.podlens.topic.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.podlens.text.EditDistance;
import io.podlens.text.NameCandidates;
import io.podlens.topic.Topic;
import org.jspecify.annotations.Nullable;

/**
 * The existing topic a candidate probably is: one of the topic's names has the same sound
 * key, or one a single edit away (keys of at least {@link #MIN_NEAR_KEY} characters, so
 * that short keys do not all sound alike). Built per taxonomy version.
 */
final class SoundsLike {

	static final int MIN_NEAR_KEY = 5;

	private record Name(Topic topic, String name, String key) {
	}

	private final Map<String, Name> byKey = new HashMap<>();

	/** Names by the first character of their key, for the near test. */
	private final Map<Character, List<Name>> byFirst = new HashMap<>();

	SoundsLike(List<Topic> topics) {
		for (Topic topic : topics) {
			for (String name : topic.names()) {
				String key = NameCandidates.soundKey(name);
				if (key.isEmpty()) {
					continue;
				}
				Name entry = new Name(topic, name, key);
				this.byKey.putIfAbsent(key, entry);
				if (key.length() >= MIN_NEAR_KEY) {
					this.byFirst.computeIfAbsent(key.charAt(0), (c) -> new ArrayList<>()).add(entry);
				}
			}
		}
	}

	CandidateView.@Nullable Probably of(String soundKey) {
		Name same = this.byKey.get(soundKey);
		if (same != null) {
			return new CandidateView.Probably(same.topic().id(), same.name(), "same-sound");
		}
		if (soundKey.length() < MIN_NEAR_KEY) {
			return null;
		}
		Name best = null;
		for (Name name : this.byFirst.getOrDefault(soundKey.charAt(0), List.of())) {
			if (Math.abs(name.key().length() - soundKey.length()) <= 1
					&& EditDistance.LEVENSHTEIN.distance(name.key(), soundKey) <= 1
					&& (best == null || name.topic().id().compareTo(best.topic().id()) < 0)) {
				best = name;
			}
		}
		return (best != null) ? new CandidateView.Probably(best.topic().id(), best.name(), "near-sound") : null;
	}

}
