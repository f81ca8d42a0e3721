package io.podlens;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies that features only use each other's published API (no cycles, no internals),
 * and writes the module documentation (a component diagram of all modules, one diagram
 * and one canvas per module) into the repository's {@code docs/modules}, committed so
 * that docs/architecture.md can link it. The text kernel ({@code io.podlens.text}, its
 * own Maven module) is a library like Lucene, not a feature of the application, so it is
 * left out of the module model.
 */
class ModuleStructureTests {

	static final ApplicationModules MODULES = ApplicationModules.of(PodlensApplication.class,
			JavaClass.Predicates.resideInAPackage("io.podlens.text.."));

	/** Relative to the podlens-service module, where the build runs tests. */
	static final String DOCS = "../docs/modules";

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS)).writeDocumentation();
	}

}
