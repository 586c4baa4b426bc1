package cn.partybuilding.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every response time of a run, by request name, with exact percentiles: written as one TSV line per name at the end
 * ({@code name total ok ko p50 p95 p99 max rate errors}), which {@code bench/checkin} turns into the results (Gatling
 * 3.15's own report is HTML only). A request is ok when it answered 201; the errors column counts the others by status
 * ({@code none} when no answer came).
 */
final class Latencies {

	private final Map<String, Series> series = new LinkedHashMap<>();

	synchronized void record(String name, long startMillis, Integer millis, Integer status) {
		this.series.computeIfAbsent(name, (n) -> new Series()).add(startMillis, millis, status);
	}

	synchronized void write(Path file) throws IOException {
		StringBuilder out = new StringBuilder();
		this.series.forEach((name, series) -> out.append(name).append('\t').append(series.line()).append('\n'));
		Files.writeString(file, out);
	}

	/**
	 * How the answers went over time: one TSV line per name and slice of {@code sliceMillis} after the name's first
	 * request ({@code name slice-start-ms sent ok p50 p99 max utc}, by when the requests were sent, {@code utc} the
	 * slice's start as a UTC time), to tell a slow start from a slow whole and to line slow seconds up with the
	 * server's, the garbage collector's and PostgreSQL's logs.
	 */
	synchronized void writeTimeline(Path file, int sliceMillis) throws IOException {
		StringBuilder out = new StringBuilder();
		this.series.forEach((name, series) -> series.timeline(sliceMillis)
			.forEach((line) -> out.append(name).append('\t').append(line).append('\n')));
		Files.writeString(file, out);
	}

	private static final class Series {

		private int[] okMillis = new int[1024];

		private long[] okStarts = new long[1024];

		private final List<Long> allStarts = new ArrayList<>();

		private int ok;

		private int total;

		private long maxMillis;

		private long firstStart = Long.MAX_VALUE;

		private long lastEnd = Long.MIN_VALUE;

		private final Map<String, Integer> errors = new TreeMap<>();

		void add(long start, Integer millis, Integer status) {
			this.total++;
			this.firstStart = Math.min(this.firstStart, start);
			this.allStarts.add(start);
			if (millis != null) {
				this.maxMillis = Math.max(this.maxMillis, millis);
				this.lastEnd = Math.max(this.lastEnd, start + millis);
			}
			if (status != null && status == 201 && millis != null) {
				if (this.ok == this.okMillis.length) {
					this.okMillis = Arrays.copyOf(this.okMillis, this.ok * 2);
					this.okStarts = Arrays.copyOf(this.okStarts, this.ok * 2);
				}
				this.okStarts[this.ok] = start;
				this.okMillis[this.ok++] = millis;
			}
			else {
				this.errors.merge((status != null) ? status.toString() : "none", 1, Integer::sum);
			}
		}

		/** Percentiles over the answered requests that succeeded; max over every answer. */
		String line() {
			int[] sorted = Arrays.copyOf(this.okMillis, this.ok);
			Arrays.sort(sorted);
			double seconds = Math.max(1, this.lastEnd - this.firstStart) / 1000.0;
			return String.join("\t", String.valueOf(this.total), String.valueOf(this.ok),
					String.valueOf(this.total - this.ok), percentile(sorted, 50), percentile(sorted, 95),
					percentile(sorted, 99), String.valueOf(this.maxMillis), String.format("%.0f", this.total / seconds),
					this.errors.isEmpty() ? "-" : this.errors.toString());
		}

		List<String> timeline(int sliceMillis) {
			Map<Long, Integer> sent = new TreeMap<>();
			this.allStarts.forEach((start) -> sent.merge((start - this.firstStart) / sliceMillis, 1, Integer::sum));
			Map<Long, List<Integer>> answered = new TreeMap<>();
			for (int i = 0; i < this.ok; i++) {
				answered.computeIfAbsent((this.okStarts[i] - this.firstStart) / sliceMillis,
						(slice) -> new ArrayList<>())
					.add(this.okMillis[i]);
			}
			List<String> lines = new ArrayList<>();
			sent.forEach((slice, count) -> {
				int[] sorted = answered.getOrDefault(slice, List.of())
					.stream()
					.mapToInt(Integer::intValue)
					.sorted()
					.toArray();
				lines.add(String.join("\t", String.valueOf(slice * sliceMillis), String.valueOf(count),
						String.valueOf(sorted.length), percentile(sorted, 50), percentile(sorted, 99),
						(sorted.length == 0) ? "-" : String.valueOf(sorted[sorted.length - 1]),
						Instant.ofEpochMilli(this.firstStart + slice * sliceMillis).toString()));
			});
			return lines;
		}

		private static String percentile(int[] sorted, int p) {
			if (sorted.length == 0) {
				return "-";
			}
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return String.valueOf(sorted[Math.max(0, rank - 1)]);
		}

	}

}
