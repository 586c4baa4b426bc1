package cn.partybuilding.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

	private static final class Series {

		private int[] okMillis = new int[1024];

		private int ok;

		private int total;

		private long maxMillis;

		private long firstStart = Long.MAX_VALUE;

		private long lastEnd = Long.MIN_VALUE;

		private final Map<String, Integer> errors = new TreeMap<>();

		void add(long start, Integer millis, Integer status) {
			this.total++;
			this.firstStart = Math.min(this.firstStart, start);
			if (millis != null) {
				this.maxMillis = Math.max(this.maxMillis, millis);
				this.lastEnd = Math.max(this.lastEnd, start + millis);
			}
			if (status != null && status == 201 && millis != null) {
				if (this.ok == this.okMillis.length) {
					this.okMillis = Arrays.copyOf(this.okMillis, this.ok * 2);
				}
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

		private static String percentile(int[] sorted, int p) {
			if (sorted.length == 0) {
				return "-";
			}
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return String.valueOf(sorted[Math.max(0, rank - 1)]);
		}

	}

}
