package io.podlens.transcript;

/**
 * The content is not a valid transcript of the expected format. The message is meant for
 * a person: it names the format, the line (1-based, 0 when no line applies) and the
 * problem.
 */
public class TranscriptParseException extends RuntimeException {

	private final TranscriptFormat format;

	private final int line;

	private final String problem;

	public TranscriptParseException(TranscriptFormat format, int line, String problem) {
		super(format.id() + ((line > 0) ? " line " + line : "") + ": " + problem);
		this.format = format;
		this.line = line;
		this.problem = problem;
	}

	public TranscriptFormat format() {
		return this.format;
	}

	/** 1-based line of the problem, 0 when it concerns the whole content. */
	public int line() {
		return this.line;
	}

	/** The problem without the position. */
	public String problem() {
		return this.problem;
	}

}
