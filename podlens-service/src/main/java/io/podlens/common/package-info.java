/**
 * Shared pieces every feature uses: settings and the mapping of errors to RFC 9457
 * problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package io.podlens.common;
