package io.podlens;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Verifies that features only use each other's published API (no cycles, no internals).
 */
class ModuleStructureTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(PodlensApplication.class).verify();
	}

}
