package io.podlens.transcript;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random mutations of small valid transcripts of every format, with a fixed seed. The
 * only allowed outcomes of {@link TranscriptParsers#parse(byte[], TranscriptFormat)} are
 * a transcript that keeps the segment invariants or a {@link TranscriptParseException}
 * with a message; anything else fails with the smallest input that still shows it.
 */
class TranscriptFuzzTests {

	private static final long SEED = 6_2024L;

	private static final int CASES = 12_000;

	/** How many of the {@link #CASES} seeded inputs parse; the others are refused. */
	private static final int EXPECTED_PARSED = 3_049;

	private static final Map<TranscriptFormat, String> SAMPLES = Map.of(TranscriptFormat.TIMESTAMPED_TEXT, """
			(00:00~00:04) Welcome back to the show
			(00:04~00:09) 今天聊 model 的評測
			[00:09] Host: and a bracketed line
			""", TranscriptFormat.SRT, """
			1
			00:00:00,000 --> 00:00:02,500
			<i>Hello</i> there

			2
			00:00:02,500 --> 00:00:05,000
			第二句 second line
			""", TranscriptFormat.WEBVTT, """
			WEBVTT

			00:00.000 --> 00:02.000
			<v Ann>First cue &amp; more

			NOTE a comment

			cue-2
			00:00:02.000 --> 00:00:04.500 align:start
			<c.yellow>Second</c> 句子
			""", TranscriptFormat.PODCAST_JSON, """
			{"version":"1.0.0","segments":[
			 {"speaker":"Ann","startTime":0.0,"endTime":2.5,"body":"Hello there"},
			 {"speaker":"Bo","startTime":2.5,"endTime":5,"body":"你好 world"}]}
			""", TranscriptFormat.WHISPER_JSON, """
			{"text":"Hello there. Bye","segments":[
			 {"id":0,"start":0.0,"end":2.0,"text":" Hello there."},
			 {"id":1,"start":2.0,"end":3.5,"text":" 再見 bye"}]}
			""", TranscriptFormat.HTML, """
			<html><body>
			<cite>Mia:</cite>
			<time>0:00</time>
			<p>Welcome to the show.</p>
			<cite>Bo:</cite>
			<time>1:02</time>
			<p>Thanks &mdash; 謝謝</p>
			</body></html>
			""");

	/**
	 * Fragments that break parsers: control characters, bad UTF-8, huge numbers, markup.
	 */
	private static final List<byte[]> NASTY = List.of(bytes("\u0000"), bytes("\u001b[31m"), bytes("\r"), bytes("\n\n"),
			bytes("\uFEFF"), new byte[] { (byte) 0xC3 }, new byte[] { (byte) 0xFF, (byte) 0xFE },
			new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF4, (byte) 0x90, 0x20 },
			bytes("99999999999999999999"), bytes("9223372036854775807"), bytes("-1"), bytes("-0"), bytes("1e308"),
			bytes("NaN"), bytes("-->"), bytes(" --> "), bytes("99:99:99,999 --> 00:00:00,000"), bytes("WEBVTT\n"),
			bytes("[[[[[[[[[[[[[[[["), bytes("{{{{{{{{{{"), bytes("]]]]"), bytes("}}}"), bytes("\""), bytes("\\"),
			bytes("<"), bytes("</p>"), bytes("<time>"), bytes("<cite>"), bytes("<p>"), bytes("&#0;"),
			bytes("&#99999999;"), bytes("&#x110000;"), bytes("("), bytes("~"), bytes(":"), bytes("."), bytes(","),
			bytes("[5"), bytes("(00:00~"), bytes("{\\an8}"), bytes("\"startTime\":-5"), bytes("\"end\":1e400"),
			bytes("1e999999999"), bytes("\"-1e999999999\""), bytes("null"), bytes("[]"), bytes("{}"), bytes("\t"),
			bytes("\u2028"), bytes("𝄞"));

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS)
	void mutatedTranscriptsParseOrFailCleanly() {
		Random random = new Random(SEED);
		List<TranscriptFormat> formats = List.copyOf(SAMPLES.keySet().stream().sorted().toList());
		Map<TranscriptFormat, Integer> parsedFrom = new EnumMap<>(TranscriptFormat.class);
		Map<TranscriptFormat, Integer> refusedFrom = new EnumMap<>(TranscriptFormat.class);
		int parsed = 0;
		int refused = 0;
		int refusedWithLine = 0;
		for (int i = 0; i < CASES; i++) {
			TranscriptFormat origin = formats.get(random.nextInt(formats.size()));
			byte[] input = mutate(SAMPLES.get(origin).getBytes(StandardCharsets.UTF_8), random);
			// Alternate between detection and the explicit format, sometimes a wrong one.
			TranscriptFormat asked = switch (i % 3) {
				case 0 -> TranscriptFormat.AUTO;
				case 1 -> origin;
				default -> formats.get(random.nextInt(formats.size()));
			};
			Throwable problem = outcome(input, asked);
			if (problem == null) {
				parsed++;
				parsedFrom.merge(origin, 1, Integer::sum);
			}
			else if (problem instanceof TranscriptParseException refusal) {
				refused++;
				refusedFrom.merge(origin, 1, Integer::sum);
				refusedWithLine += (refusal.line() > 0) ? 1 : 0;
			}
			else {
				byte[] minimal = shrink(input, asked, problem.getClass());
				fail("case " + i + " (" + origin.id() + " read as " + asked.id() + ") threw " + problem
						+ "\nminimal reproducer: " + javaString(minimal), problem);
			}
		}
		String counts = "parsed " + parsed + " " + parsedFrom + ", refused " + refused + " " + refusedFrom;
		// The inputs are fixed by the seed, so these counts are too: a change means a
		// parser now reads (or refuses) inputs it did not before. Check which, then
		// update.
		assertThat(parsed).as(counts).isEqualTo(EXPECTED_PARSED);
		assertThat(refused).as(counts).isEqualTo(CASES - EXPECTED_PARSED);
		// The mutations are mild enough that a good share still parses.
		assertThat(parsed).isGreaterThan(CASES / 10);
		assertThat(refused).isGreaterThan(CASES / 10);
		// Every format both survives some mutations and refuses others.
		assertThat(parsedFrom).as(counts).containsOnlyKeys(formats);
		assertThat(refusedFrom).as(counts).containsOnlyKeys(formats);
		// Refusals point at the line at fault where there is one.
		assertThat(refusedWithLine).as(counts).isGreaterThan(refused / 10);
	}

	@Test
	void unmutatedSamplesParseWhetherDetectedOrNamed() {
		Map<TranscriptFormat, Integer> segments = Map.of(TranscriptFormat.TIMESTAMPED_TEXT, 3, TranscriptFormat.SRT, 2,
				TranscriptFormat.WEBVTT, 2, TranscriptFormat.PODCAST_JSON, 2, TranscriptFormat.WHISPER_JSON, 2,
				TranscriptFormat.HTML, 2);
		SAMPLES.forEach((format, sample) -> {
			byte[] input = sample.getBytes(StandardCharsets.UTF_8);
			for (TranscriptFormat asked : List.of(TranscriptFormat.AUTO, format)) {
				assertThat(outcome(input, asked)).as(format + " read as " + asked).isNull();
				Transcript transcript = TranscriptParsers.parse(input, asked);
				assertThat(transcript.format()).as(format + " read as " + asked).isEqualTo(format);
				assertThat(transcript.segments()).as(format + " read as " + asked).hasSize(segments.get(format));
			}
		});
	}

	@Test
	void deeplyNestedJsonIsRefused() {
		String deep = "{\"segments\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		for (TranscriptFormat format : List.of(TranscriptFormat.AUTO, TranscriptFormat.PODCAST_JSON,
				TranscriptFormat.WHISPER_JSON)) {
			assertThat(outcome(deep.getBytes(StandardCharsets.UTF_8), format))
				.isInstanceOf(TranscriptParseException.class);
		}
	}

	/**
	 * Null when the parse gave a transcript that keeps the invariants, the refusal or
	 * failure otherwise. A transcript breaking an invariant counts as a failure, and so
	 * does a refusal without a problem, with a line outside the input or naming another
	 * format than the one asked for.
	 */
	private static Throwable outcome(byte[] input, TranscriptFormat format) {
		try {
			Transcript transcript = TranscriptParsers.parse(input, format);
			checkInvariants(transcript);
			if (format != TranscriptFormat.AUTO && transcript.format() != format) {
				return new AssertionError("asked for " + format + ", read as " + transcript.format());
			}
			return null;
		}
		catch (TranscriptParseException ex) {
			if (ex.getMessage() == null || ex.getMessage().isBlank() || ex.problem() == null
					|| ex.problem().isBlank()) {
				return new AssertionError("TranscriptParseException without a message", ex);
			}
			if (ex.line() < 0 || ex.line() > lineCount(input)) {
				return new AssertionError("line " + ex.line() + " outside the " + lineCount(input) + " lines", ex);
			}
			if (format != TranscriptFormat.AUTO && ex.format() != format) {
				return new AssertionError("asked for " + format + ", refused as " + ex.format(), ex);
			}
			return ex;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	private static void checkInvariants(Transcript transcript) {
		if (transcript.format() == TranscriptFormat.AUTO || transcript.segments().isEmpty()) {
			throw new AssertionError(
					"format " + transcript.format() + ", " + transcript.segments().size() + " segments");
		}
		long previousStart = 0;
		for (TranscriptSegment segment : transcript.segments()) {
			if (segment.startMs() < previousStart || segment.startMs() < 0 || segment.endMs() < segment.startMs()
					|| segment.text().isBlank()) {
				throw new AssertionError("segment breaks the invariants: " + segment);
			}
			if (segment.text().chars().anyMatch((c) -> Character.isISOControl(c))) {
				throw new AssertionError(
						"control character left in " + javaString(segment.text().getBytes(StandardCharsets.UTF_8)));
			}
			previousStart = segment.startMs();
		}
	}

	/** Lines of the input, counting every CR and LF as a line break (an upper bound). */
	private static int lineCount(byte[] input) {
		int lines = 1;
		for (byte b : input) {
			lines += (b == '\n' || b == '\r') ? 1 : 0;
		}
		return lines;
	}

	private static byte[] mutate(byte[] sample, Random random) {
		byte[] data = sample;
		int steps = 1 + random.nextInt(4);
		for (int s = 0; s < steps; s++) {
			int at = (data.length == 0) ? 0 : random.nextInt(data.length);
			data = switch (random.nextInt(7)) {
				case 0 -> flipBit(data, at, random);
				case 1 -> java.util.Arrays.copyOf(data, at);
				case 2 -> splice(data, at, Math.min(data.length, at + 1 + random.nextInt(16)), new byte[0]);
				case 3 -> splice(data, at, at,
						java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + 1 + random.nextInt(40))));
				case 4, 5 -> splice(data, at, at, NASTY.get(random.nextInt(NASTY.size())));
				default -> splice(data, at, Math.min(data.length, at + 1), new byte[] { (byte) random.nextInt(256) });
			};
		}
		return data;
	}

	private static byte[] flipBit(byte[] data, int at, Random random) {
		if (data.length == 0) {
			return data;
		}
		byte[] copy = data.clone();
		copy[at] ^= (byte) (1 << random.nextInt(8));
		return copy;
	}

	private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + insert.length);
		out.write(data, 0, from);
		out.write(insert, 0, insert.length);
		out.write(data, to, data.length - to);
		return out.toByteArray();
	}

	/** Removes chunks while the same kind of failure remains (simple delta debugging). */
	private static byte[] shrink(byte[] input, TranscriptFormat format, Class<?> failure) {
		byte[] current = input;
		for (int chunk = Math.max(1, current.length / 2); chunk >= 1; chunk /= 2) {
			boolean removed = true;
			while (removed) {
				removed = false;
				for (int from = 0; from + chunk <= current.length; from += chunk) {
					byte[] candidate = splice(current, from, from + chunk, new byte[0]);
					Throwable problem = outcome(candidate, format);
					if (problem != null && problem.getClass() == failure) {
						current = candidate;
						removed = true;
						break;
					}
				}
			}
		}
		return current;
	}

	private static String javaString(byte[] data) {
		StringBuilder out = new StringBuilder("bytes {");
		for (int i = 0; i < data.length; i++) {
			out.append((i > 0) ? ", " : "").append(data[i]);
		}
		return out.append("} = \"")
			.append(new String(data, StandardCharsets.UTF_8).replace("\n", "\\n").replace("\r", "\\r"))
			.append('"')
			.toString();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static List<byte[]> nasty() {
		return new ArrayList<>(NASTY);
	}

}
