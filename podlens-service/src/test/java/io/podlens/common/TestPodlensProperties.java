package io.podlens.common;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link PodlensProperties} for tests that build components by hand, bound the way the
 * application binds them, so that every setting not given keeps its real default.
 */
public final class TestPodlensProperties {

	private TestPodlensProperties() {
	}

	/** The defaults, with the given data directory. */
	public static PodlensProperties withDataDir(Path dataDir) {
		return bind(Map.of("podlens.data-dir", dataDir.toString()));
	}

	/** The defaults, with the given data directory and query length limit. */
	public static PodlensProperties withMaxQueryLength(Path dataDir, int maxQueryLength) {
		return bind(Map.of("podlens.data-dir", dataDir.toString(), "podlens.max-query-length",
				Integer.toString(maxQueryLength)));
	}

	static PodlensProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("podlens",
				PodlensProperties.class);
	}

}
