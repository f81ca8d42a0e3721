package io.podlens.search;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Checks {@code podlens.search.backend} before any bean is made: the beans of each
 * backend are conditional on its value, so a wrong value would otherwise surface as a
 * missing {@link SegmentSearch} instead of a report naming the setting and its valid
 * values.
 */
@Configuration(proxyBeanMethods = false)
class SearchBackendConfiguration {

	@Bean
	static BeanFactoryPostProcessor searchBackendCheck(Environment environment) {
		return (beans) -> Binder.get(environment).bind(SearchBackend.PROPERTY, SearchBackend.Kind.class);
	}

}
