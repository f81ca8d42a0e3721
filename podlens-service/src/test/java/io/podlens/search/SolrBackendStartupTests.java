package io.podlens.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.podlens.PodlensApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code podlens.search.backend=solr} the application wires the Solr backend instead
 * of the embedded index, and a Solr it cannot use stops the start with Spring Boot's
 * failure report saying what to do ({@link SolrSetupFailureAnalyzer}). The configset on
 * the class path is the one in podlens-solr.
 */
@ExtendWith(OutputCaptureExtension.class)
class SolrBackendStartupTests {

	@TempDir
	Path temp;

	@Test
	void anUnreachableSolrStopsTheStartWithAReport(CapturedOutput output) {
		assertThatThrownBy(() -> start("--podlens.search.solr.urls=http://127.0.0.1:9/solr"))
			.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(SolrSetupException.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Solr is not reachable at [http://127.0.0.1:9/solr]")
			.contains("so Podlens does not start")
			.contains("correct podlens.search.solr.urls");
		// the embedded index was not opened: no second owner of a data directory
		assertThat(this.temp.resolve("data/index")).doesNotExist();
	}

	@Test
	void theSolrBackendNeedsNodeUrls(CapturedOutput output) {
		assertThatThrownBy(() -> start())
			.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(SolrSetupException.class));
		assertThat(output).contains("podlens.search.backend=solr needs the Solr node URLs")
			.contains("Set podlens.search.solr.urls");
	}

	@Test
	void anUnknownBackendIsRefusedNamingTheSetting(CapturedOutput output) {
		assertThatThrownBy(
				() -> new SpringApplicationBuilder(PodlensApplication.class).run("--podlens.search.backend=elastic",
						"--podlens.data-dir=" + this.temp.resolve("data"), "--server.port=0"));
		assertThat(output).contains("podlens.search.backend").contains("elastic");
	}

	@Test
	void theConfigsetOnTheClassPathIsTheRepositorysAndComplete() throws Exception {
		Path dir = Path.of("../podlens-solr/src/main/configset/podlens");
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(SolrConfigset.FILES);
		}
		SolrConfigset configset = SolrConfigset.load();
		for (String file : SolrConfigset.FILES) {
			assertThat(configset.files().get(file)).isEqualTo(Files.readAllBytes(dir.resolve(file)));
		}
		assertThat(configset.name()).matches("podlens-[0-9a-f]{12}").isEqualTo(SolrConfigset.load().name());
	}

	private void start(String... extra) {
		List<String> args = new ArrayList<>(List.of("--podlens.search.backend=solr",
				"--podlens.data-dir=" + this.temp.resolve("data"), "--server.port=0",
				"--podlens.search.solr.connect-timeout=1s", "--podlens.events.retry-every=1h"));
		args.addAll(List.of(extra));
		new SpringApplicationBuilder(PodlensApplication.class).run(args.toArray(String[]::new));
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = ex; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

}
