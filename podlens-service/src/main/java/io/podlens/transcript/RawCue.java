package io.podlens.transcript;

/**
 * A cue as read from the content, before validation, cleaning and sorting.
 *
 * @param line 1-based line where the cue starts (0 when unknown)
 * @param startMs start in milliseconds
 * @param endMs end in milliseconds
 * @param speaker speaker or {@code null}
 * @param text text, possibly with surrounding whitespace or control characters
 */
record RawCue(int line, long startMs, long endMs, String speaker, String text) {

	RawCue shifted(long byMs) {
		return new RawCue(this.line, this.startMs + byMs, this.endMs + byMs, this.speaker, this.text);
	}

	RawCue withText(String newText) {
		return new RawCue(this.line, this.startMs, this.endMs, this.speaker, newText);
	}

}
