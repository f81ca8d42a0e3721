package io.podlens.topic;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TopicRepository extends JpaRepository<TopicRow, String> {

	List<TopicRow> findByParentId(String parentId);

}
