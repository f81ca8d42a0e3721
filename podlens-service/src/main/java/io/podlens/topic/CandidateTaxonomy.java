package io.podlens.topic;

import java.util.ArrayList;
import java.util.List;

import io.podlens.common.NotFoundException;
import io.podlens.topic.discovery.DiscoveryTaxonomy;

import org.springframework.stereotype.Component;

/**
 * The taxonomy as discovery sees it: accepting a candidate is an ordinary edit, validated
 * like a request to the topic endpoints and followed by re-analysis.
 */
@Component
class CandidateTaxonomy implements DiscoveryTaxonomy {

	private final TopicCatalog catalog;

	CandidateTaxonomy(TopicCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public long version() {
		return this.catalog.current().version();
	}

	@Override
	public List<Topic> topics() {
		return this.catalog.current().taxonomy().topics();
	}

	@Override
	public Topic create(TopicRequest request) {
		return this.catalog.create(TopicValidation.created(request));
	}

	@Override
	public Topic addNames(String topicId, List<String> aliases, List<String> zhHant, List<String> zhHans) {
		Topic stored = this.catalog.current().topic(topicId).orElseThrow(() -> new NotFoundException("Topic", topicId));
		TopicRequest request = new TopicRequest(topicId, stored.name(), stored.category().json(),
				joined(stored.aliases(), aliases), stored.contextCues(), stored.kind().json(), null,
				joined(stored.zhHant(), zhHant), joined(stored.zhHans(), zhHans), null);
		return this.catalog.replace(TopicValidation.replaced(topicId, request, stored));
	}

	private static List<String> joined(List<String> stored, List<String> added) {
		List<String> all = new ArrayList<>(stored);
		added.stream().filter((name) -> !all.contains(name)).forEach(all::add);
		return all;
	}

}
