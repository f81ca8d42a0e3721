package io.podlens.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.podlens.common.RequestTooLargeException;
import java.util.Arrays;

/**
 * Byte-level NDJSON handling without ever holding more than one line: counting the lines
 * of a body while it is copied, and reading lines back with a length cap.
 */
final class NdjsonLines {

	private static final int BUFFER = 64 * 1024;

	private NdjsonLines() {
	}

	/**
	 * Copies {@code in} to {@code out} and counts the non-blank lines.
	 * @return the number of lines holding anything besides whitespace
	 */
	static long copyCounting(InputStream in, OutputStream out) throws IOException {
		return copyCounting(in, out, Long.MAX_VALUE, null);
	}

	/**
	 * Copies at most {@code maxBytes} and counts the non-blank lines.
	 * @throws RequestTooLargeException naming {@code setting} past {@code maxBytes}
	 */
	static long copyCounting(InputStream in, OutputStream out, long maxBytes, String setting) throws IOException {
		byte[] buffer = new byte[BUFFER];
		long lines = 0;
		long copied = 0;
		boolean content = false;
		int n;
		while ((n = in.read(buffer)) != -1) {
			copied += n;
			if (copied > maxBytes) {
				throw RequestTooLargeException.body(maxBytes, setting);
			}
			for (int i = 0; i < n; i++) {
				byte b = buffer[i];
				if (b == '\n') {
					if (content) {
						lines++;
					}
					content = false;
				}
				else if (b != ' ' && b != '\t' && b != '\r') {
					content = true;
				}
			}
			out.write(buffer, 0, n);
		}
		return content ? lines + 1 : lines;
	}

	/** Reads lines of at most {@code maxBytes}; longer lines are skipped, not held. */
	static final class Reader {

		private final InputStream in;

		private final int maxBytes;

		private byte[] line = new byte[8192];

		private int length;

		private long number;

		private boolean tooLong;

		Reader(InputStream in, int maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		/** Advances to the next line; false at the end of the input. */
		boolean next() throws IOException {
			this.length = 0;
			this.tooLong = false;
			int b = this.in.read();
			if (b == -1) {
				return false;
			}
			this.number++;
			while (b != -1 && b != '\n') {
				if (!this.tooLong) {
					if (this.length == this.maxBytes) {
						this.tooLong = true;
					}
					else {
						if (this.length == this.line.length) {
							this.line = Arrays.copyOf(this.line, (int) Math.min((long) this.length * 2, this.maxBytes));
						}
						this.line[this.length++] = (byte) b;
					}
				}
				b = this.in.read();
			}
			if (this.tooLong) {
				this.length = 0;
				// Let go of a large buffer rather than keep it for the rest of the job.
				this.line = new byte[8192];
			}
			return true;
		}

		/** 1-based number of the current line. */
		long number() {
			return this.number;
		}

		boolean tooLong() {
			return this.tooLong;
		}

		boolean blank() {
			for (int i = 0; i < this.length; i++) {
				byte b = this.line[i];
				if (b != ' ' && b != '\t' && b != '\r') {
					return false;
				}
			}
			return !this.tooLong;
		}

		/** A copy of the current line's bytes. */
		byte[] bytes() {
			return Arrays.copyOf(this.line, this.length);
		}

	}

}
