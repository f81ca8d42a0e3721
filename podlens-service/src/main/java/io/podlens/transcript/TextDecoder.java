package io.podlens.transcript;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into text: a byte order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
 * otherwise strict UTF-8, then UTF-16 when every other byte is zero, then windows-1252
 * for legacy subtitle files. JSON must be UTF-8.
 */
final class TextDecoder {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

	private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

	/**
	 * Decoded text and whether it is a legacy single-byte decoding.
	 */
	record Decoded(String text, boolean legacy) {
	}

	private TextDecoder() {
	}

	static Decoded decode(byte[] bytes, TranscriptFormat format) {
		int n = bytes.length;
		if (n >= 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE && bytes[2] == 0 && bytes[3] == 0) {
			return new Decoded(strict(bytes, 4, UTF_32LE, format), false);
		}
		if (n >= 4 && bytes[0] == 0 && bytes[1] == 0 && (bytes[2] & 0xFF) == 0xFE && (bytes[3] & 0xFF) == 0xFF) {
			return new Decoded(strict(bytes, 4, UTF_32BE, format), false);
		}
		if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8, format), false);
		}
		if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE, format), false);
		}
		if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE, format), false);
		}
		if (n >= 4 && n % 2 == 0 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0) {
			return new Decoded(strict(bytes, 0, StandardCharsets.UTF_16BE, format), false);
		}
		if (n >= 4 && n % 2 == 0 && bytes[0] != 0 && bytes[1] == 0 && bytes[3] == 0) {
			return new Decoded(strict(bytes, 0, StandardCharsets.UTF_16LE, format), false);
		}
		try {
			return new Decoded(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString(), false);
		}
		catch (CharacterCodingException ex) {
			if (format == TranscriptFormat.PODCAST_JSON || format == TranscriptFormat.WHISPER_JSON) {
				throw notUtf8(bytes, format);
			}
			return new Decoded(new String(bytes, WINDOWS_1252), true);
		}
	}

	/** The error for bytes that are not UTF-8 where UTF-8 is required. */
	static TranscriptParseException notUtf8(byte[] bytes, TranscriptFormat format) {
		int line = 1;
		int bad = firstInvalidUtf8(bytes);
		for (int i = 0; i < bad; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return new TranscriptParseException(format, line,
				String.format("content is not valid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xFF, bad));
	}

	private static int firstInvalidUtf8(byte[] bytes) {
		for (int i = 0; i < bytes.length;) {
			int b = bytes[i] & 0xFF;
			int length = (b < 0x80) ? 1
					: (b >= 0xC2 && b < 0xE0) ? 2 : (b >= 0xE0 && b < 0xF0) ? 3 : (b >= 0xF0 && b < 0xF5) ? 4 : 0;
			if (length == 0 || i + length > bytes.length) {
				return i;
			}
			try {
				decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes, i, length));
			}
			catch (CharacterCodingException ex) {
				return i;
			}
			i += length;
		}
		return 0;
	}

	private static String strict(byte[] bytes, int offset, Charset charset, TranscriptFormat format) {
		try {
			return decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new TranscriptParseException(format, 0, "content is not valid " + charset.name()
					+ " although it starts with a " + charset.name() + " byte order mark");
		}
	}

	private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

}
