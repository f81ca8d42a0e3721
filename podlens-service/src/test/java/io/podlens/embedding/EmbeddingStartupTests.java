package io.podlens.embedding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.podlens.PodlensApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A missing or broken embedding model stops the application while it starts, with Spring
 * Boot's failure report saying what is wrong and what to do, so that no search fails with
 * a 500 later. The report comes from {@link EmbeddingModelFailureAnalyzer}, which these
 * tests therefore also show to be registered.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddingStartupTests {

	@TempDir
	Path temp;

	@Test
	void aMissingModelStopsTheStartWithAReport(CapturedOutput output) {
		Path missing = this.temp.resolve("no-model");
		assertThatThrownBy(() -> start(missing))
			.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(EmbeddingModelException.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(missing.resolve("model.onnx") + " is missing")
			.contains("Semantic search needs it, so Podlens does not start.")
			.contains("Put model.onnx and tokenizer.json into " + missing);
	}

	@Test
	void aBrokenModelStopsTheStartWithAReport(CapturedOutput output) throws Exception {
		Path broken = Files.createDirectories(this.temp.resolve("broken"));
		Files.write(broken.resolve("model.onnx"), "not a model".getBytes());
		Files.writeString(broken.resolve("tokenizer.json"), "{}");
		assertThatThrownBy(() -> start(broken))
			.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(EmbeddingModelException.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The embedding model bge-small-zh-v1.5-q from " + broken + " does not work")
			.contains("Check podlens.embedding.model and podlens.embedding.model-dir");
	}

	private void start(Path modelDir) {
		new SpringApplicationBuilder(PodlensApplication.class).run("--podlens.embedding.enabled=true",
				"--podlens.embedding.model-dir=" + modelDir, "--podlens.data-dir=" + this.temp.resolve("data"),
				"--server.port=0", "--podlens.events.retry-every=1h");
	}

	private static List<Throwable> causes(Throwable ex) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = ex; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

}
