package io.podlens.topic.discovery;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CandidateRepository extends JpaRepository<CandidateRow, Long> {

	List<CandidateRow> findBySoundKeyIn(Collection<String> soundKeys);

}
