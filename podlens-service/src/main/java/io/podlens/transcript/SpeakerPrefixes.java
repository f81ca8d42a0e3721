package io.podlens.transcript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises {@code Name: text} speaker prefixes (Descript, Buzzsprout and many SRT
 * exports). A prefix only counts as a speaker when the file uses it as one: the name
 * occurs at least twice, or most cues carry such a prefix. This keeps {@code Note: ...}
 * in ordinary text.
 */
final class SpeakerPrefixes {

	private static final Pattern PREFIX = Pattern.compile(
			"^(\\p{Lu}[\\p{L}\\p{M}\\p{N}'’.\\-]*(?:[ _][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’.\\-]*){0,2})\\s?[:：]\\s+(\\S.*)$",
			Pattern.DOTALL);

	private SpeakerPrefixes() {
	}

	/** The cues with recognised prefixes moved into the speaker; others unchanged. */
	static List<RawCue> apply(List<RawCue> cues) {
		Map<String, Integer> counts = new HashMap<>();
		int withPrefix = 0;
		for (RawCue cue : cues) {
			if (cue.speaker() == null) {
				Matcher matcher = PREFIX.matcher(cue.text());
				if (matcher.matches()) {
					counts.merge(matcher.group(1), 1, Integer::sum);
					withPrefix++;
				}
			}
		}
		if (counts.isEmpty()) {
			return cues;
		}
		boolean mostlyPrefixed = withPrefix * 2 >= cues.size();
		List<RawCue> result = new ArrayList<>(cues.size());
		for (RawCue cue : cues) {
			Matcher matcher = (cue.speaker() == null) ? PREFIX.matcher(cue.text()) : null;
			if (matcher != null && matcher.matches() && (mostlyPrefixed || counts.get(matcher.group(1)) >= 2)) {
				result.add(new RawCue(cue.line(), cue.startMs(), cue.endMs(), matcher.group(1), matcher.group(2)));
			}
			else {
				result.add(cue);
			}
		}
		return result;
	}

}
