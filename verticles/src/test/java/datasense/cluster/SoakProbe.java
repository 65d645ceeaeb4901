package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * What the soaks ({@link SoakIT}, {@link WorkerKillSoakIT}) share: their on-demand switch, the window a load's
 * requests are timed into, one sample of a node JVM seen from outside (RSS and threads from /proc, open
 * descriptors, heap used after a full GC through jcmd, the data folder's bytes and files, the window's latency
 * percentiles) and the check that heap, RSS and p99 did not drift. Each soak adds its own checks.
 */
final class SoakProbe {

    // Margins of "no growth", last third against first third (maxima of each).
    static final double HEAP_FACTOR = 1.2;
    static final long HEAP_SLACK = 16L << 20;
    static final double RSS_FACTOR = 1.25;
    static final long RSS_SLACK = 64L << 20;
    /** p99 of the last window against the first one counted (floored at 100 ms: small figures are noise). */
    static final double LATENCY_FACTOR = 3;

    private SoakProbe() {
    }

    /** Requests, errors and latencies of one sampling window; a load adds to whichever window is current. */
    static final class Window {
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        final Map<String, Integer> errors = new ConcurrentHashMap<>();

        void timed(long sentNanos) {
            micros.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sentNanos));
        }

        void error(String what) {
            errors.merge(what, 1, Integer::sum);
        }
    }

    /** A request of a soak's load. */
    interface Call {
        Api.Response run() throws IOException, InterruptedException;
    }

    /** The call timed into the current window; a status but 2xx, or no answer, is counted as an error of its kind. */
    static Api.Response timed(AtomicReference<Window> window, String kind, Call call) throws InterruptedException {
        long sent = System.nanoTime();
        Api.Response r = null;
        try {
            r = call.run();
        } catch (IOException e) {
            window.get().error(kind + " " + e.getClass().getSimpleName());
        }
        Window w = window.get();
        w.timed(sent);
        if (r != null && (r.status() < 200 || r.status() > 299)) {
            w.error(kind + " " + r.status());
        }
        return r;
    }

    /** A client's pace: one operation per period, so the load is steady; when behind, no burst to catch up. */
    static final class Pace {
        private final long periodNanos;
        private long next = System.nanoTime();

        Pace(long periodMs) {
            this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMs);
        }

        void await() throws InterruptedException {
            next += periodNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // pacing, not synchronization
            } else {
                next = System.nanoTime();
            }
        }
    }

    /**
     * Samples {@code node} at the end of every window from {@code start} to {@code end}, each with the requests the
     * load timed into it (the current window is swapped for a new one), printing each row under {@code title}; fails
     * as soon as the node is gone.
     */
    static List<Sample> sampleEveryWindow(String title, NodeProcess node, Api api, Path data, long start, long end, Duration window,
                                          AtomicReference<Window> current) throws Exception {
        List<Sample> samples = new ArrayList<>();
        System.out.println("[soak] " + title + ", pid " + node.pid() + "\n" + Sample.HEADER);
        for (long next = start + window.toNanos(); next <= end + window.toNanos() / 2; next += window.toNanos()) {
            // sampling at an interval is the point of a soak: wait for the end of the window
            TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
            Window ended = current.getAndSet(new Window());
            Sample s = sample(node, api, data, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), ended);
            samples.add(s);
            System.out.println(s.row() + (ended.errors.isEmpty() ? "" : "\t" + ended.errors));
            assertThat(node.alive()).as(title + ": node alive:\n" + node.logTail(30)).isTrue();
        }
        return samples;
    }

    /** One sample of a node, taken at the end of a window. */
    record Sample(long second, int requests, int errors, double p50Ms, double p99Ms, double maxMs, long rss, long heapAfterGc,
                  int fds, int threads, long storedBytes, long storedFiles, long auditFiles) {

        static final String HEADER = "t_s\trequests\terrors\tp50_ms\tp99_ms\tmax_ms\trss_mib\theap_after_gc_mib\tfds\tthreads\tstored_kib\tstored_files\taudit_files";

        String row() {
            return String.format("%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\t%d\t%d", second, requests, errors, p50Ms, p99Ms, maxMs,
                    rss / 1048576.0, heapAfterGc / 1048576.0, fds, threads, storedBytes / 1024, storedFiles, auditFiles);
        }
    }

    /** The soak's length in minutes: {@code -Ddatasense.soak.minutes=N} or DATASENSE_SOAK_MINUTES; empty skips the soak. */
    static Optional<Double> minutes() {
        String value = System.getProperty("datasense.soak.minutes", System.getenv("DATASENSE_SOAK_MINUTES"));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Double.parseDouble(value));
    }

    /** {@code node} now, with window {@code w}'s figures; {@code api} is the node's own (its /metrics). */
    static Sample sample(NodeProcess node, Api api, Path data, long second, Window w) throws Exception {
        List<Long> sorted = w.micros.stream().sorted().toList();
        Map<String, Long> status = procStatus(node.pid());
        long heap = heapAfterFullGc(node.pid(), api);
        long[] stored = stored(data);
        int fds;
        try (Stream<Path> fd = Files.list(Path.of("/proc", Long.toString(node.pid()), "fd"))) {
            fds = (int) fd.count();
        }
        return new Sample(second, sorted.size(), w.errors.values().stream().mapToInt(Integer::intValue).sum(),
                percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0,
                status.get("VmRSS") * 1024, heap, fds, status.get("Threads").intValue(), stored[0], stored[1], stored[2]);
    }

    /** The samples as a table, printed and written to {@code file}. */
    static void write(List<Sample> samples, Path file) throws IOException {
        StringBuilder table = new StringBuilder(Sample.HEADER).append('\n');
        samples.forEach(s -> table.append(s.row()).append('\n'));
        Files.writeString(file, table, StandardCharsets.UTF_8);
    }

    /**
     * Heap after GC and RSS of the last third of {@code counted} within the margins of the first third's, and the
     * last window's p99 within {@link #LATENCY_FACTOR} of the first's.
     */
    static void assertNoDrift(List<Sample> counted) {
        assertThat(counted).as("samples after the first window").hasSizeGreaterThanOrEqualTo(2);
        List<Sample> first = firstThird(counted);
        List<Sample> last = lastThird(counted);
        assertThat(max(last, Sample::heapAfterGc)).as("heap after GC, last third").isLessThanOrEqualTo(max(first, Sample::heapAfterGc) * HEAP_FACTOR + HEAP_SLACK);
        assertThat(max(last, Sample::rss)).as("RSS, last third").isLessThanOrEqualTo(max(first, Sample::rss) * RSS_FACTOR + RSS_SLACK);
        assertThat(last.get(last.size() - 1).p99Ms()).as("p99 of the last window")
                .isLessThanOrEqualTo(LATENCY_FACTOR * Math.max(100, first.get(0).p99Ms()));
    }

    static List<Sample> firstThird(List<Sample> counted) {
        return counted.subList(0, Math.max(1, counted.size() / 3));
    }

    static List<Sample> lastThird(List<Sample> counted) {
        return counted.subList(counted.size() - Math.max(1, counted.size() / 3), counted.size());
    }

    static double max(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        return samples.stream().mapToDouble(figure).max().orElseThrow();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** VmRSS (kB) and Threads of /proc/pid/status. */
    private static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> out = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            String[] kv = line.split(":\\s+");
            if (kv[0].equals("VmRSS") || kv[0].equals("Threads")) {
                out.put(kv[0], Long.parseLong(kv[1].split(" ")[0]));
            }
        }
        return out;
    }

    /** A full GC through jcmd (the node runs SerialGC), then the sum of the heap pools /metrics reports. */
    private static long heapAfterFullGc(long pid, Api api) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).as("jcmd GC.run ended").isTrue();
        Api.Response metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        return (long) metrics.text().lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The audit log's files under the data folder. */
    static long auditFiles(Path data) throws IOException {
        return stored(data)[2];
    }

    /**
     * Bytes and regular files under the data folder, leaving out the audit log, and the audit log's files apart: it
     * keeps a record of every upload and delete for DATASENSE_AUDIT_RETENTION_DAYS (90) by design, so it grows with
     * the actions, and each soak judges it against the actions it made.
     */
    private static long[] stored(Path data) throws IOException {
        long[] out = new long[3];
        Path audit = data.resolve("_audit");
        try (Stream<Path> files = Files.walk(data)) {
            files.forEach(f -> {
                try {
                    if (Files.isRegularFile(f) && f.startsWith(audit)) {
                        out[2]++;
                    } else if (Files.isRegularFile(f)) {
                        out[0] += Files.size(f);
                        out[1]++;
                    }
                } catch (IOException e) {
                    // deleted while walking: not stored any more
                }
            });
        } catch (UncheckedIOException e) {
            return stored(data); // a folder deleted while walking (the sweep, a delete): walk again
        }
        return out;
    }
}
