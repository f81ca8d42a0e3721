package io.podlens.topic.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the discovery of new names, under {@code podlens.topics.discovery.}.
 *
 * @param enabled whether analysis looks for candidates at all
 * @param chineseNames whether Chinese person names and transliterated names are tagged
 * (HanLP; its dictionaries take about two seconds and 40 MB of heap on first use)
 * @param minMentions occurrences, over all episodes, from which an open candidate is
 * listed: one-off forms are mostly noise
 * @param contexts contexts shown per candidate
 */
@ConfigurationProperties("podlens.topics.discovery")
public record DiscoveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean chineseNames,
		@DefaultValue("3") int minMentions, @DefaultValue("3") int contexts) {

	public DiscoveryProperties {
		if (minMentions < 1) {
			throw new IllegalArgumentException("podlens.topics.discovery.min-mentions must be 1 or more");
		}
		if (contexts < 0 || contexts > 20) {
			throw new IllegalArgumentException("podlens.topics.discovery.contexts must be between 0 and 20");
		}
	}

}
