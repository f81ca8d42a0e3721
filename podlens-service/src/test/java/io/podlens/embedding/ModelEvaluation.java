package io.podlens.embedding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.podlens.text.SharedData;
import io.podlens.transcript.TranscriptFormat;
import io.podlens.transcript.TranscriptParsers;
import io.podlens.transcript.TranscriptSegment;

/**
 * The quick evaluation behind the choice of model (docs/search.md, "Semantic search"): on
 * real transcripts from ../shared, embedding throughput and retrieval sanity for Chinese
 * and English queries over Chinese and English segments, and the alignment of the English
 * Lex Fridman #459 transcript with its Chinese translation (same timestamps). Not a test:
 * run it by hand,
 * {@code java -cp ... io.podlens.embedding.ModelEvaluation bge-small-zh 20 [threads]}
 * (model, passage window in seconds); queries are tried with and without BGE's query
 * instruction.
 */
public final class ModelEvaluation {

	private static final int MINUTES = 60;

	private ModelEvaluation() {
	}

	record Passage(String file, long startMs, String text, boolean chinese) {
	}

	/** A query and where in which file the answer is. */
	record Query(String text, String pool, String file, long fromMs, long toMs) {
	}

	static final List<Query> QUERIES = List.of(
			new Query("Why does the US restrict exports of GPUs to China?", "en", "lex-fridman-459_deepseek-china",
					ms(52, 30), ms(56, 30)),
			new Query("What is a mixture of experts model?", "en", "lex-fridman-459_deepseek-china", ms(25, 0),
					ms(27, 30)),
			new Query("What is JEPA, the joint embedding predictive architecture?", "en", "lex-fridman-416", ms(28, 30),
					ms(33, 0)),
			new Query("Why do language models hallucinate?", "en", "lex-fridman-416", ms(46, 30), ms(49, 30)),
			new Query("开源大模型能追上闭源大模型吗", "zh", "pie-ep109", ms(17, 0), ms(21, 0)),
			new Query("在本地跑七百亿参数的模型需要多少内存", "zh", "pie-ep109", ms(31, 0), ms(33, 0)),
			new Query("職業教育分成哪幾塊", "zh", "pie-ep109", ms(4, 50), ms(5, 45)),
			new Query("全要素生產率是什麼意思", "zh", "pie-ep109", ms(12, 20), ms(13, 40)),
			new Query("Can open-source large models catch up with closed-source ones?", "zh", "pie-ep109", ms(17, 0),
					ms(21, 0)),
			new Query("How much memory do you need to run a 70 billion parameter model locally?", "zh", "pie-ep109",
					ms(31, 0), ms(33, 0)),
			new Query("How is vocational education in China organised?", "zh", "pie-ep109", ms(4, 50), ms(5, 45)),
			new Query("What is total factor productivity?", "zh", "pie-ep109", ms(12, 20), ms(13, 40)),
			new Query("US export controls on chips to China", "zh", "lex-fridman-459_deepseek_youtube", ms(52, 30),
					ms(56, 30)),
			new Query("what is a mixture of experts model", "zh", "lex-fridman-459_deepseek_youtube", ms(25, 0),
					ms(27, 30)),
			new Query("美国对中国的芯片出口管制", "en", "lex-fridman-459_deepseek-china", ms(52, 30), ms(56, 30)),
			new Query("混合专家模型是什么", "en", "lex-fridman-459_deepseek-china", ms(25, 0), ms(27, 30)),
			new Query("大语言模型为什么会产生幻觉", "en", "lex-fridman-416", ms(46, 30), ms(49, 30)));

	public static void main(String[] args) throws Exception {
		EmbeddingModelChoice model = "bge-small-en".equals(args[0]) ? EmbeddingModelChoice.BGE_SMALL_EN
				: EmbeddingModelChoice.BGE_SMALL_ZH;
		long windowMs = Long.parseLong(args[1]) * 1000;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 2;
		Path nativeDir = Path.of("target", "eval-native");
		long started = System.nanoTime();
		try (SentenceEncoder encoder = SentenceEncoder.load(model, null, nativeDir, threads, 256, false)) {
			System.out.printf("%s loaded in %d ms, %d dimensions, window %d s, threads %d%n", model.id(),
					(System.nanoTime() - started) / 1_000_000, encoder.dimensions(), windowMs / 1000, threads);
			List<Passage> passages = passages(windowMs);
			System.out.printf("%d passages (%d Chinese), avg %.0f chars%n", passages.size(),
					passages.stream().filter(Passage::chinese).count(),
					passages.stream().mapToInt((p) -> p.text().length()).average().orElse(0));
			long t0 = System.nanoTime();
			float[][] vectors = embedAll(encoder, passages);
			double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("embedded in %.1f s: %.1f passages/s%n", seconds, passages.size() / seconds);
			for (boolean instruction : new boolean[] { false, true }) {
				double mrr = 0;
				int hit10 = 0;
				for (Query query : QUERIES) {
					String text = model.normalise(query.text());
					float[] q = encoder.embedPrepared(List.of(instruction ? model.queryInstruction() + text : text))[0];
					int rank = rank(q, passages, vectors, query);
					mrr += (rank > 0) ? 1.0 / rank : 0;
					hit10 += (rank > 0 && rank <= 10) ? 1 : 0;
					System.out.printf("  %-4s rank %4s  %s%n", query.pool(), (rank > 0) ? rank : ">100", query.text());
				}
				System.out.printf("queries (instruction %s): MRR %.3f, hit@10 %d/%d%n", instruction,
						mrr / QUERIES.size(), hit10, QUERIES.size());
			}
			alignment(encoder, model);
		}
	}

	/**
	 * English 30-second windows of Lex #459 against the Chinese windows of the same time
	 * (and the other way): how often the translation is among the nearest.
	 */
	private static void alignment(SentenceEncoder encoder, EmbeddingModelChoice model) throws Exception {
		List<Passage> en = windows(file("en", "lex-fridman-459"), 30_000);
		List<Passage> zh = windows(file("zh", "lex-fridman-459"), 30_000);
		List<Passage> enSample = new ArrayList<>();
		List<Passage> zhSample = new ArrayList<>();
		for (Passage e : en) {
			zh.stream().filter((z) -> z.startMs() == e.startMs()).findFirst().ifPresent((z) -> {
				enSample.add(e);
				zhSample.add(z);
			});
		}
		float[][] ev = embedAll(encoder, enSample);
		float[][] zv = embedAll(encoder, zhSample);
		int[] hits = new int[2];
		int[] hits5 = new int[2];
		for (int i = 0; i < enSample.size(); i++) {
			int r1 = position(ev[i], zv, i);
			int r2 = position(zv[i], ev, i);
			hits[0] += (r1 == 1) ? 1 : 0;
			hits5[0] += (r1 <= 5) ? 1 : 0;
			hits[1] += (r2 == 1) ? 1 : 0;
			hits5[1] += (r2 <= 5) ? 1 : 0;
		}
		System.out.printf(Locale.ROOT,
				"alignment of %d 30-s windows: en->zh top1 %.2f top5 %.2f; zh->en top1 %.2f top5 %.2f%n",
				enSample.size(), hits[0] / (double) enSample.size(), hits5[0] / (double) enSample.size(),
				hits[1] / (double) enSample.size(), hits5[1] / (double) enSample.size());
	}

	/** Rank (1-based) of {@code vectors[self]} among all by similarity to {@code q}. */
	private static int position(float[] q, float[][] vectors, int self) {
		float own = dot(q, vectors[self]);
		int rank = 1;
		for (int i = 0; i < vectors.length; i++) {
			if (i != self && dot(q, vectors[i]) > own) {
				rank++;
			}
		}
		return rank;
	}

	private static int rank(float[] q, List<Passage> passages, float[][] vectors, Query query) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < passages.size(); i++) {
			if (passages.get(i).chinese() == query.pool().equals("zh")) {
				order.add(i);
			}
		}
		order.sort(Comparator.comparingDouble((Integer i) -> -dot(q, vectors[i])));
		for (int r = 0; r < Math.min(100, order.size()); r++) {
			Passage p = passages.get(order.get(r));
			if (p.file().startsWith(query.file()) && p.startMs() >= query.fromMs() && p.startMs() <= query.toMs()) {
				return r + 1;
			}
		}
		return -1;
	}

	static float dot(float[] a, float[] b) {
		float sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	static float[][] embedAll(SentenceEncoder encoder, List<Passage> passages) {
		float[][] vectors = new float[passages.size()][];
		// By length, as the worker batches, so that a batch pads little.
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < passages.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingInt((Integer i) -> passages.get(i).text().length()));
		for (int from = 0; from < order.size(); from += 32) {
			List<Integer> part = order.subList(from, Math.min(order.size(), from + 32));
			float[][] batch = encoder
				.embedPrepared(part.stream().map((i) -> encoder.passageText(passages.get(i).text())).toList());
			for (int k = 0; k < part.size(); k++) {
				vectors[part.get(k)] = batch[k];
			}
		}
		return vectors;
	}

	/**
	 * Every segment of the corpus' first hour per file, with the next ones within the
	 * window.
	 */
	static List<Passage> passages(long windowMs) throws Exception {
		List<Passage> all = new ArrayList<>();
		for (String dir : List.of("en", "zh")) {
			try (Stream<Path> files = Files.list(SharedData.dir().resolve("corpus").resolve(dir))) {
				for (Path file : files.sorted().toList()) {
					if (file.getFileName().toString().equals("SOURCES.md")) {
						continue;
					}
					List<TranscriptSegment> segments = segments(file);
					for (int i = 0; i < segments.size(); i++) {
						TranscriptSegment first = segments.get(i);
						StringBuilder text = new StringBuilder(first.text());
						for (int j = i + 1; j < segments.size()
								&& segments.get(j).startMs() < first.startMs() + windowMs && text.length() < 600; j++) {
							text.append(' ').append(segments.get(j).text());
						}
						all.add(new Passage(file.getFileName().toString(), first.startMs(), text.toString(),
								dir.equals("zh")));
					}
				}
			}
		}
		return all;
	}

	static List<TranscriptSegment> segments(Path file) throws Exception {
		return TranscriptParsers.parse(Files.readAllBytes(file), TranscriptFormat.AUTO)
			.segments()
			.stream()
			.filter((s) -> s.startMs() < MINUTES * 60_000L)
			.toList();
	}

	static Path file(String dir, String prefix) throws Exception {
		try (Stream<Path> files = Files.list(SharedData.dir().resolve("corpus").resolve(dir))) {
			return files.filter((f) -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
		}
	}

	/** Non-overlapping windows starting at multiples of {@code windowMs}. */
	static List<Passage> windows(Path file, long windowMs) throws Exception {
		List<Passage> windows = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		long start = 0;
		for (TranscriptSegment segment : segments(file)) {
			long slot = segment.startMs() / windowMs * windowMs;
			if (slot != start && text.length() > 0) {
				windows.add(new Passage(file.getFileName().toString(), start, text.toString(), false));
				text.setLength(0);
			}
			start = slot;
			text.append(segment.text()).append(' ');
		}
		return windows;
	}

	private static long ms(int minutes, int seconds) {
		return (minutes * 60L + seconds) * 1000;
	}

}
