/**
 * Podlens: the application class. Features live in the sub-packages, one Spring Modulith
 * application module each.
 */
@org.jspecify.annotations.NullMarked
package io.podlens;
