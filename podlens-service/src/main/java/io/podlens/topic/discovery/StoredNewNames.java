package io.podlens.topic.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.podlens.text.IntroducedNames;
import io.podlens.text.NameCandidates;
import io.podlens.topic.EpisodeNewName;
import io.podlens.topic.NewNames;
import io.podlens.topic.TopicCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An episode's new names from its stored candidate occurrences: the people it introduces,
 * while their candidate is open.
 */
@Component
class StoredNewNames implements NewNames {

	private static final String PERSON = NameCandidates.Kind.INTRODUCED_PERSON.json();

	private static final String COMPANY = NameCandidates.Kind.INTRODUCED_COMPANY.json();

	private static final String PODCAST = NameCandidates.Kind.INTRODUCED_PODCAST.json();

	private final JdbcClient jdbc;

	private final DiscoveryProperties properties;

	StoredNewNames(JdbcClient jdbc, DiscoveryProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	private record Row(long candidateId, String kind, EpisodeNewName.Reference reference) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<EpisodeNewName> inEpisode(long episodeId) {
		if (!this.properties.enabled()) {
			// discovery switched off: what an earlier analysis stored is not shown
			return List.of();
		}
		Map<Long, List<EpisodeNewName.Reference>> byCandidate = new LinkedHashMap<>();
		Map<Long, String> kinds = new LinkedHashMap<>();
		this.jdbc
			.sql("select o.candidate_id, o.kind, o.segment_index, o.start_ms, o.end_ms, o.char_start, o.char_end,"
					+ " o.surface from candidate_occurrence o join topic_candidate c on c.id = o.candidate_id"
					+ " where o.episode_id = :episode and o.kind in (:kinds) and c.status = :open"
					+ " order by o.candidate_id, o.segment_index, o.char_start")
			.param("episode", episodeId)
			.param("kinds", List.of(PERSON, COMPANY, PODCAST))
			.param("open", CandidateRow.OPEN)
			.query((rs, n) -> {
				String surface = rs.getString("surface");
				String kind = rs.getString("kind");
				boolean full = !kind.equals(PERSON) || isFullName(surface);
				return new Row(rs.getLong("candidate_id"), kind,
						new EpisodeNewName.Reference(rs.getInt("segment_index"), rs.getLong("start_ms"),
								rs.getLong("end_ms"), rs.getInt("char_start"), rs.getInt("char_end"), surface,
								full ? EpisodeNewName.FULL_NAME : EpisodeNewName.FIRST_NAME));
			})
			.list()
			.forEach((row) -> {
				byCandidate.computeIfAbsent(row.candidateId(), (k) -> new ArrayList<>()).add(row.reference());
				kinds.putIfAbsent(row.candidateId(), row.kind());
			});
		List<EpisodeNewName> names = new ArrayList<>();
		byCandidate.forEach((id, references) -> {
			String kind = kinds.get(id);
			boolean person = kind.equals(PERSON);
			TopicCategory category = person ? TopicCategory.PERSON
					: kind.equals(PODCAST) ? TopicCategory.PRODUCT : TopicCategory.ORGANIZATION;
			names.add(new EpisodeNewName(id, mostWritten(references, person ? StoredNewNames::isFullName : (f) -> true),
					category, references.size(), references));
		});
		names.sort(Comparator.comparingInt(EpisodeNewName::count).reversed().thenComparing(EpisodeNewName::name));
		return names;
	}

	/**
	 * The form written most often among those that may name it (of equals the first), or
	 * the first form when none may.
	 */
	private static String mostWritten(List<EpisodeNewName.Reference> references, Predicate<String> naming) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		references.stream()
			.map(EpisodeNewName.Reference::surface)
			.filter(naming)
			.forEach((s) -> counts.merge(s, 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(references.get(0).surface());
	}

	private static boolean isFullName(String surface) {
		return IntroducedNames.isFullName(surface);
	}

}
