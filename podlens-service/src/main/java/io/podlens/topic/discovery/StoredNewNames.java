package io.podlens.topic.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	private final JdbcClient jdbc;

	StoredNewNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(long candidateId, EpisodeNewName.Reference reference) {
	}

	@Override
	@Transactional(readOnly = true)
	public List<EpisodeNewName> inEpisode(long episodeId) {
		Map<Long, List<EpisodeNewName.Reference>> byCandidate = new LinkedHashMap<>();
		this.jdbc
			.sql("select o.candidate_id, o.segment_index, o.start_ms, o.end_ms, o.char_start, o.char_end, o.surface"
					+ " from candidate_occurrence o join topic_candidate c on c.id = o.candidate_id"
					+ " where o.episode_id = :episode and o.kind = :kind and c.status = :open"
					+ " order by o.candidate_id, o.segment_index, o.char_start")
			.param("episode", episodeId)
			.param("kind", NameCandidates.Kind.INTRODUCED_PERSON.json())
			.param("open", CandidateRow.OPEN)
			.query((rs, n) -> {
				String surface = rs.getString("surface");
				return new Row(rs.getLong("candidate_id"),
						new EpisodeNewName.Reference(rs.getInt("segment_index"), rs.getLong("start_ms"),
								rs.getLong("end_ms"), rs.getInt("char_start"), rs.getInt("char_end"), surface,
								isFullName(surface) ? EpisodeNewName.FULL_NAME : EpisodeNewName.FIRST_NAME));
			})
			.list()
			.forEach((row) -> byCandidate.computeIfAbsent(row.candidateId(), (k) -> new ArrayList<>())
				.add(row.reference()));
		List<EpisodeNewName> names = new ArrayList<>();
		byCandidate.forEach((id, references) -> names
			.add(new EpisodeNewName(id, name(references), TopicCategory.PERSON, references.size(), references)));
		names.sort(Comparator.comparingInt(EpisodeNewName::count).reversed().thenComparing(EpisodeNewName::name));
		return names;
	}

	/** The full name written most often; of equals the first. */
	private static String name(List<EpisodeNewName.Reference> references) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		references.stream()
			.map(EpisodeNewName.Reference::surface)
			.filter(StoredNewNames::isFullName)
			.forEach((s) -> counts.merge(s, 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(references.get(0).surface());
	}

	private static boolean isFullName(String surface) {
		return surface.strip().contains(" ");
	}

}
