package io.podlens.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A theme as data: what it is called in each language, what it means and which weighted
 * cue terms point to it.
 *
 * @param id stable identifier, such as {@code multimodal-stage-2} or {@code sponsor}
 * @param kind {@code generic} (sponsor, intro, outro, listener feedback: any show) or
 * {@code subject} (what an episode is about)
 * @param name display name by language tag ({@code zh-Hant}, {@code zh-Hans}, {@code en})
 * @param description what segments of this theme talk about
 * @param color CSS colour of the theme in the timeline, may be {@code null}
 * @param cues cue terms with their weights, folded (Simplified, lower case, NFKC)
 * @param prior where in an episode the theme is expected, may be {@code null}
 */
public record ThemeDefinition(String id, String kind, Map<String, String> name, String description,
		@Nullable String color, List<Cue> cues, @Nullable Prior prior) {

	public ThemeDefinition {
		name = Map.copyOf(name);
		cues = List.copyOf(cues);
	}

	/** The name in a language, falling back to English and then to the id. */
	public String nameIn(String language) {
		String tag = Languages.displayTag(language);
		String named = this.name.get(tag);
		if (named == null) {
			named = this.name.get("en");
		}
		return (named != null) ? named : this.id;
	}

	boolean isGeneric() {
		return "generic".equals(this.kind.toLowerCase(Locale.ROOT));
	}

	/**
	 * A cue term and its weight.
	 *
	 * @param term folded term
	 * @param weight how strongly one occurrence points to the theme
	 */
	public record Cue(String term, double weight) {
	}

	/**
	 * A positional expectation: cue scores inside {@code [from, to]} (fractions of the
	 * episode) are multiplied by {@code boost}, outside by {@code outside}. Only scales
	 * cue evidence, so a position alone never makes a theme.
	 *
	 * @param from start of the expected region, 0..1
	 * @param to end of the expected region, 0..1
	 * @param boost factor inside the region
	 * @param outside factor outside the region
	 */
	public record Prior(double from, double to, double boost, double outside) {

		double factorAt(double position) {
			return (position >= this.from && position <= this.to) ? this.boost : this.outside;
		}

	}

}
