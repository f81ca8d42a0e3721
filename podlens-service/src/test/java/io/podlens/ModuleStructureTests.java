package io.podlens;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Verifies that features only use each other's published API (no cycles, no internals).
 * The text kernel ({@code io.podlens.text}, its own Maven module) is a library like
 * Lucene, not a feature of the application, so it is left out of the module model.
 */
class ModuleStructureTests {

	static final ApplicationModules MODULES = ApplicationModules.of(PodlensApplication.class,
			JavaClass.Predicates.resideInAPackage("io.podlens.text.."));

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

}
