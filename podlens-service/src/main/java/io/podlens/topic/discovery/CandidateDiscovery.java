package io.podlens.topic.discovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.podlens.episode.StoredSegment;
import io.podlens.text.IntroducedNames;
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

	/** Longest form a candidate keeps (the column's size). */
	static final int MAX_SURFACE = 200;

	/** Longest sound key (the column's size). */
	static final int MAX_SOUND_KEY = 400;

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
	 * turned down here is no new name). Names the episode introduces
	 * ({@link IntroducedNames}: people, their organisations) come with every reference, a
	 * person's first name alone too, as one candidate keyed by the full name.
	 * @param segments one episode's segments in order
	 * @param mentions the mentions found in them
	 */
	public Found find(List<StoredSegment> segments, List<Mention> mentions) {
		if (!this.properties.enabled() || segments.isEmpty()) {
			return Found.NONE;
		}
		Map<Long, List<Mention>> bySegment = new HashMap<>();
		mentions.forEach((m) -> bySegment.computeIfAbsent(m.segmentId(), (k) -> new ArrayList<>()).add(m));
		List<String> texts = segments.stream().map(StoredSegment::text).toList();
		Map<String, Boolean> known = new HashMap<>();
		List<Occurrence> found = new ArrayList<>();
		Map<Integer, List<Occurrence>> people = new HashMap<>();
		List<List<NameCandidates.Found>> all = this.finder.findAll(texts);
		for (IntroducedNames.Name name : introducedNames(segments, mentions, all,
				(n) -> known.computeIfAbsent(n, (s) -> !this.topics.named(s).isEmpty()))) {
			for (IntroducedNames.Reference r : name.references()) {
				Occurrence o = occurrence(segments.get(r.text()), r.start(), r.end(), r.surface(), name.kind(),
						name.soundKey());
				found.add(o);
				people.computeIfAbsent(o.segmentIndex(), (k) -> new ArrayList<>()).add(o);
			}
		}
		for (int i = 0; i < segments.size(); i++) {
			StoredSegment segment = segments.get(i);
			List<Mention> matched = bySegment.getOrDefault(segment.segmentId(), List.of());
			List<Occurrence> persons = people.getOrDefault(segment.index(), List.of());
			for (NameCandidates.Found f : all.get(i)) {
				if (f.surface().length() > MAX_SURFACE || overlaps(matched, f.start(), f.end())
						|| persons.stream().anyMatch((o) -> o.start() < f.end() && f.start() < o.end())
						|| known.computeIfAbsent(f.surface(), (s) -> !this.topics.named(s).isEmpty())) {
					continue;
				}
				String key = f.soundKey();
				if (key.isEmpty() || key.length() > MAX_SOUND_KEY) {
					continue;
				}
				found.add(occurrence(segment, f.start(), f.end(), f.surface(), f.kind(), key));
			}
		}
		found.sort(Comparator.comparingInt(Occurrence::segmentIndex).thenComparingInt(Occurrence::start));
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
		// A person is named by the full name, not by the first name said more often.
		found.occurrences()
			.forEach((o) -> firstSurface.merge(o.soundKey(), o.surface(),
					(a, b) -> (o.kind() == NameCandidates.Kind.INTRODUCED_PERSON && b.length() > a.length()) ? b : a));
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

	/**
	 * The names the episode introduces ({@link IntroducedNames}) that are no topic, with
	 * the references no mention took; a name needs two of them, and a person one by the
	 * full name (a topic's mentions may have taken the full names: a known person's first
	 * name, a misheard model, and then the rest are not this person's either).
	 * @param candidates {@link NameCandidates#findAll} of the segments' texts
	 * @param known whether a name is a name or alias of a topic
	 */
	public static List<IntroducedNames.Name> introducedNames(List<StoredSegment> segments, List<Mention> mentions,
			List<List<NameCandidates.Found>> candidates, Predicate<String> known) {
		Map<Integer, List<Mention>> bySegment = new HashMap<>();
		mentions.forEach((m) -> bySegment.computeIfAbsent(m.segmentIndex(), (k) -> new ArrayList<>()).add(m));
		List<IntroducedNames.Name> names = new ArrayList<>();
		for (IntroducedNames.Name name : IntroducedNames.find(segments.stream().map(StoredSegment::text).toList(),
				candidates)) {
			// what the candidate tables can hold (a name is at most 200 characters, a key
			// 400)
			if (name.name().length() > MAX_SURFACE || name.soundKey().isEmpty()
					|| name.soundKey().length() > MAX_SOUND_KEY || known.test(name.name())) {
				continue;
			}
			List<IntroducedNames.Reference> references = name.references()
				.stream()
				.filter((r) -> r.surface().length() <= MAX_SURFACE
						&& !overlaps(bySegment.getOrDefault(segments.get(r.text()).index(), List.of()), r.start(),
								r.end()))
				.toList();
			boolean named = name.kind() != NameCandidates.Kind.INTRODUCED_PERSON
					|| references.stream().anyMatch((r) -> IntroducedNames.isFullName(r.surface()));
			if (references.size() >= IntroducedNames.MIN_REFERENCES && named) {
				names.add(name.with(references));
			}
		}
		return names;
	}

	private static Occurrence occurrence(StoredSegment segment, int start, int end, String surface,
			NameCandidates.Kind kind, String soundKey) {
		return new Occurrence(segment.segmentId(), segment.index(), segment.startMs(), segment.endMs(), start, end,
				surface, kind, soundKey, context(segment.text(), start, end));
	}

	private static boolean overlaps(List<Mention> mentions, int start, int end) {
		for (Mention m : mentions) {
			if (m.start() < end && start < m.end()) {
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
