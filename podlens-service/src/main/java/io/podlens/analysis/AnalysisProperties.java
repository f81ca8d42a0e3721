package io.podlens.analysis;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code podlens.analysis}.
 *
 * @param themesDir optional directory of extra theme files ({@code *.json}, same format
 * as the bundled {@code analysis/themes.json}); a theme whose id is already defined
 * replaces the earlier one (env {@code PODLENS_ANALYSIS_THEMES_DIR})
 * @param defaultThemes whether the bundled themes are loaded at all
 * @param switchPenalty score a theme change costs when segments are smoothed into spans;
 * higher gives fewer, longer spans
 */
@ConfigurationProperties("podlens.analysis")
public record AnalysisProperties(@Nullable Path themesDir, @DefaultValue("true") boolean defaultThemes,
		@DefaultValue("2.5") double switchPenalty) {

}
