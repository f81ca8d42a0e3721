package io.podlens.topic.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.podlens.episode.StoredSegment;
import io.podlens.text.NameCandidates;
import io.podlens.topic.Mention;
import io.podlens.topic.TopicLookup;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds an episode's candidate names while its topics are extracted, and stores them with
 * its mentions. The topic analysis calls {@link #find} before its transaction (the work
 * that takes time) and {@link #store} inside it, so that candidates and mentions of an
 * episode are always of the same analysis.
 */
@Component
public class CandidateDiscovery {

	/** Characters of context on each side of a form. */
	static final int CONTEXT = 40;

	private final CandidateRepository candidates;

	private final OccurrenceRepository occurrences;

	private final TopicLookup topics;

	private final DiscoveryProperties properties;

	private final NameCandidates finder;

	private final Clock clock = Clock.systemUTC();

	CandidateDiscovery(CandidateRepository candidates, OccurrenceRepository occurrences, TopicLookup topics,
			DiscoveryProperties properties) {
		this.candidates = candidates;
		this.occurrences = occurrences;
		this.topics = topics;
		this.properties = properties;
		this.finder = NameCandidates.create(properties.chineseNames());
	}

	/** The candidates of one episode, found but not stored. */
	public static final class Found {

		static final Found NONE = new Found(List.of());

		private final List<Occurrence> occurrences;

		Found(List<Occurrence> occurrences) {
			this.occurrences = List.copyOf(occurrences);
		}

		List<Occurrence> occurrences() {
			return this.occurrences;
		}

		public int size() {
			return this.occurrences.size();
		}

	}

	/**
	 * Forms in the segments that look like names and that no topic matched: none overlaps
	 * a mention, and none is a name or alias of a topic (a name the matching guards
	 * turned down here is no new name).
	 * @param segments one episode's segments in order
	 * @param mentions the mentions found in them
	 */
	public Found find(List<StoredSegment> segments, List<Mention> mentions) {
		if (!this.properties.enabled() || segments.isEmpty()) {
			return Found.NONE;
		}
		Map<Long, List<Mention>> bySegment = new HashMap<>();
		mentions.forEach((m) -> bySegment.computeIfAbsent(m.segmentId(), (k) -> new ArrayList<>()).add(m));
		List<List<NameCandidates.Found>> all = this.finder.findAll(segments.stream().map(StoredSegment::text).toList());
		Map<String, Boolean> known = new HashMap<>();
		List<Occurrence> found = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			StoredSegment segment = segments.get(i);
			List<Mention> matched = bySegment.getOrDefault(segment.segmentId(), List.of());
			for (NameCandidates.Found f : all.get(i)) {
				if (f.surface().length() > 200 || overlaps(matched, f)
						|| known.computeIfAbsent(f.surface(), (s) -> !this.topics.named(s).isEmpty())) {
					continue;
				}
				String key = f.soundKey();
				if (key.isEmpty() || key.length() > 400) {
					continue;
				}
				found.add(new Occurrence(segment.segmentId(), segment.index(), segment.startMs(), segment.endMs(),
						f.start(), f.end(), f.surface(), f.kind(), key, context(segment.text(), f.start(), f.end())));
			}
		}
		return new Found(found);
	}

	/**
	 * Replaces the episode's stored candidates with these, in the caller's transaction
	 * (the one that replaces its mentions); new sound keys become open candidates.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void store(long episodeId, Found found) {
		if (!this.properties.enabled()) {
			return;
		}
		this.occurrences.deleteByEpisode(episodeId);
		if (found.occurrences().isEmpty()) {
			return;
		}
		Map<String, String> firstSurface = new LinkedHashMap<>();
		found.occurrences().forEach((o) -> firstSurface.putIfAbsent(o.soundKey(), o.surface()));
		Map<String, Long> ids = new HashMap<>();
		this.candidates.findBySoundKeyIn(firstSurface.keySet()).forEach((c) -> ids.put(c.getSoundKey(), c.getId()));
		List<CandidateRow> created = new ArrayList<>();
		Instant now = Instant.now(this.clock);
		firstSurface.forEach((key, surface) -> {
			if (!ids.containsKey(key)) {
				created.add(new CandidateRow(key, surface, now));
			}
		});
		this.candidates.saveAll(created).forEach((c) -> ids.put(c.getSoundKey(), c.getId()));
		this.occurrences.saveAll(found.occurrences()
			.stream()
			.map((o) -> new OccurrenceRow(ids.get(o.soundKey()), episodeId, o))
			.toList());
	}

	private static boolean overlaps(List<Mention> mentions, NameCandidates.Found found) {
		for (Mention m : mentions) {
			if (m.start() < found.end() && found.start() < m.end()) {
				return true;
			}
		}
		return false;
	}

	/** The form with up to {@link #CONTEXT} characters on each side, cut at spaces. */
	static String context(String text, int start, int end) {
		int from = Math.max(0, start - CONTEXT);
		int to = Math.min(text.length(), end + CONTEXT);
		if (from > 0) {
			int space = text.indexOf(' ', from);
			if (space >= 0 && space < start && start - space < CONTEXT) {
				from = space + 1;
			}
		}
		if (to < text.length()) {
			int space = text.lastIndexOf(' ', to);
			if (space >= end && space - end > 0) {
				to = space;
			}
		}
		String context = ((from > 0) ? "…" : "") + text.substring(from, to).strip() + ((to < text.length()) ? "…" : "");
		return (context.length() > 400) ? context.substring(0, 400) : context;
	}

}
