package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import datasense.Node;
import datasense.cluster.SoakProbe.Sample;
import datasense.cluster.SoakProbe.Window;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The soak of issue 11 with a worker killed every minute, on demand only, like {@link SoakIT}:
 * {@code -Ddatasense.soak.minutes=30} (skipped without it). Three node JVMs on loopback: n1 takes the questions
 * (api, agent, writer, ingest), n2 and n3 run the tools. Four paced clients ask steadily: cached questions of the
 * sample file (synchronous), and for a CSV each uploads every ten operations a cold synchronous ask, a cold
 * asynchronous ask (202, then GET /jobs/{id} until it ends) and a cached asynchronous ask; a client keeps two files
 * and deletes the older. Twenty seconds into every minute n2 or n3 (in turn) is SIGKILLed and started again, so the
 * tools capacity stays. Every ask goes into a ledger with its outcome.
 *
 * <p>At the end, after a drain: every accepted ask ended succeeded or failed with a reason (none without an answer,
 * none still running, {@code _index/running-jobs/} empty); no computed job recorded twice in its file's questions;
 * the cluster-wide tool runs at most the computed jobs' steps plus the steps they report retried (a run counted on a
 * worker that then died is sent again, and says so); and n1's heap after GC, RSS and p99 per minute do not drift
 * ({@link SoakProbe}). The ledger and the samples are written under target/soak/.
 */
@Tag("fault")
@Timeout(value = 150, unit = TimeUnit.MINUTES)
class WorkerKillSoakIT {

    private static final int CLIENTS = 4;
    private static final long PACE_MS = 250;
    /** One sample a minute, with one kill in each, so every window counted sees the same disturbance. */
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Duration KILL_AT = Duration.ofSeconds(20);
    private static final Duration START = Duration.ofSeconds(120);
    /** How long a client follows its async job before leaving it to the drain, and how long the drain lasts. */
    private static final Duration JOB_WAIT = Duration.ofSeconds(120);
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final int KEPT_FILES = 2;
    private static final List<String> SAMPLE_QUESTIONS = List.of("total sales by region", "average profit by category",
            "total quantity by segment", "average discount by region", "count of orders by category");
    private static final String COLD_SYNC = "total amount by region";
    private static final String COLD_ASYNC = "average units by category";

    private LoopbackCluster cluster;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    enum Outcome { SUCCEEDED, FAILED, LOST }

    /** One accepted ask and how it ended; {@code steps} are the tool steps it ran (0 when cached). */
    record Entry(String kind, String fileId, String jobId, boolean cached, Outcome outcome, String reason, int steps, int retried) {

        static final String HEADER = "kind\tfile_id\tjob_id\tcached\toutcome\treason\tsteps\tsteps_retried";

        String row() {
            return String.join("\t", kind, fileId, String.valueOf(jobId), Boolean.toString(cached), outcome.name(),
                    reason == null ? "" : reason, Integer.toString(steps), Integer.toString(retried));
        }

        /** How an answer body ended its ask. */
        static Entry answered(String kind, String fileId, JsonObject body) {
            boolean cached = body.getBoolean("cached", false);
            int steps = cached ? 0 : (int) body.getJsonArray("plan", new io.vertx.core.json.JsonArray()).stream()
                    .filter(p -> "ok".equals(((JsonObject) p).getString("status"))).count();
            return new Entry(kind, fileId, body.getString("job_id"), cached, Outcome.SUCCEEDED, null, steps, body.getInteger("steps_retried", 0));
        }
    }

    /** A file a client uploaded, with the computed jobs asked of it (checked for duplicates before it is deleted). */
    private record Upload(String fileId, List<String> computedJobs) {
    }

    private final ConcurrentLinkedQueue<Entry> ledger = new ConcurrentLinkedQueue<>();
    /** Async jobs a client stopped following (not ended within JOB_WAIT): the drain decides them. */
    private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();
    /** Computed jobs whose file records them other than once: job id and times recorded. */
    private final Map<String, Long> duplicates = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void everyAcceptedAskEndsOnceWhileAWorkerIsKilledEveryMinute() throws Exception {
        Optional<Double> minutes = SoakProbe.minutes();
        assumeTrue(minutes.isPresent(), "the soak runs on demand: -Ddatasense.soak.minutes=30");
        assertThat(minutes.get()).as("soak minutes").isBetween(2.0, 120.0);
        Path out = Files.createDirectories(Path.of("target", "soak"));
        cluster = LoopbackCluster.start("WorkerKillSoakIT", "n1", List.of(
                new LoopbackCluster.Spec("n1", "api,agent,writer,ingest", true),
                new LoopbackCluster.Spec("n2", "tools", false),
                new LoopbackCluster.Spec("n3", "tools", false)), START);
        try {
            NodeProcess n1 = cluster.node("n1");
            Api api = cluster.api("n1");
            long toolRunsBefore = api.health().getLong("tool_runs");
            AtomicReference<Window> window = new AtomicReference<>(new Window());
            long start = System.nanoTime();
            long end = start + (long) (minutes.get() * 60e9);
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(CompletableFuture.runAsync(() -> load(api, client, end, window)));
            }
            List<String> kills = new ArrayList<>();
            CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> killEveryMinute(start, end, kills));

            List<Sample> samples = SoakProbe.sampleEveryWindow("worker kills, n1, " + minutes.get() + " min", n1, api, cluster.dataDir,
                    start, end, WINDOW, window);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            killer.get(5, TimeUnit.MINUTES);

            drain(api);
            List<String> stillRunning = runningJobsAfter(DRAIN);
            long toolRuns = api.health().getLong("tool_runs") - toolRunsBefore;

            SoakProbe.write(samples, out.resolve("worker-kill-samples.tsv"));
            Files.writeString(out.resolve("worker-kill-ledger.tsv"), Entry.HEADER + "\n"
                    + ledger.stream().map(Entry::row).collect(Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
            check(samples, kills, toolRuns, stillRunning, minutes.get());
        } finally {
            cluster.close();
        }
    }

    /** Twenty seconds into every minute until {@code end}: SIGKILL n2 or n3 in turn, start it again, wait for it to rejoin. */
    private void killEveryMinute(long start, long end, List<String> kills) {
        for (int k = 0; ; k++) {
            long at = start + k * WINDOW.toNanos() + KILL_AT.toNanos();
            if (at >= end) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(at - System.nanoTime()); // the schedule, not a synchronization
                String victim = k % 2 == 0 ? "n2" : "n3";
                long killed = System.nanoTime();
                cluster.restart(victim, victim + "-r" + (k / 2 + 1), "n1", START);
                String kill = String.format("%s at %d s, back in %d ms", victim, TimeUnit.NANOSECONDS.toSeconds(killed - start),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
                synchronized (kills) {
                    kills.add(kill);
                }
                System.out.println("[soak] killed " + kill);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                throw new IllegalStateException("the worker did not come back", e);
            }
        }
    }

    /** One client's steady loop until {@code end}: six cached asks of the sample file, then an uploaded file's turn. */
    private void load(Api api, int client, long end, AtomicReference<Window> window) {
        ArrayDeque<Upload> uploads = new ArrayDeque<>();
        SoakProbe.Pace pace = new SoakProbe.Pace(PACE_MS);
        try {
            for (int i = 0; System.nanoTime() < end; i++) {
                int step = i % 10;
                Upload newest = uploads.peekLast();
                if (step < 6) {
                    ask(api, window, "cached sync", Node.SAMPLE_FILE_ID, SAMPLE_QUESTIONS.get((client + i) % SAMPLE_QUESTIONS.size()), false);
                } else if (step == 6) {
                    if (uploads.size() >= KEPT_FILES) {
                        Upload oldest = uploads.removeFirst();
                        checkRecordedOnce(api, oldest);
                        SoakProbe.timed(window, "delete", () -> api.delete("/files/" + oldest.fileId()));
                    }
                    int round = i / 10;
                    byte[] csv = new Orders(400 + 100 * (round % 3), client * 100_000 + round).csv();
                    Api.Response up = SoakProbe.timed(window, "upload", () -> api.uploadCsv("kill-" + client + "-" + round + ".csv", csv));
                    if (up != null && up.status() == 201) {
                        uploads.addLast(new Upload(up.json().getString("file_id"), new ArrayList<>()));
                    }
                } else if (newest != null && step == 7) {
                    computed(newest, ask(api, window, "cold sync", newest.fileId(), COLD_SYNC, false));
                } else if (newest != null && step == 8) {
                    computed(newest, ask(api, window, "cold async", newest.fileId(), COLD_ASYNC, true));
                } else if (newest != null && step == 9) {
                    computed(newest, ask(api, window, "cached async", newest.fileId(), COLD_SYNC, true));
                }
                pace.await();
            }
            for (Upload upload : uploads) {
                checkRecordedOnce(api, upload);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void computed(Upload upload, Entry entry) {
        if (entry != null && entry.outcome() == Outcome.SUCCEEDED && !entry.cached() && entry.jobId() != null) {
            upload.computedJobs().add(entry.jobId());
        }
    }

    /**
     * Asks, times the request into the window and puts the outcome in the ledger: an answer, an error body that
     * says why, or nothing (lost). An async ask's job is followed to its end; one not ended within JOB_WAIT is left
     * to the drain (and not returned).
     */
    private Entry ask(Api api, AtomicReference<Window> window, String kind, String fileId, String question, boolean async)
            throws InterruptedException {
        Api.Response r = SoakProbe.timed(window, kind, () -> async ? api.askAsync(fileId, question) : api.ask(fileId, question));
        Entry entry;
        if (r == null) {
            entry = new Entry(kind, fileId, null, false, Outcome.LOST, "no answer", 0, 0);
        } else if (r.status() == 200) {
            entry = Entry.answered(kind, fileId, r.json());
        } else if (r.status() == 202) {
            String jobId = r.json().getString("job_id");
            JsonObject job = api.awaitJob(jobId, JOB_WAIT);
            entry = ended(kind, fileId, jobId, job);
            if (entry == null) {
                pending.add(new Entry(kind, fileId, jobId, false, Outcome.LOST, "running after " + JOB_WAIT.toSeconds() + " s", 0, 0));
                return null;
            }
        } else {
            entry = refused(kind, fileId, r);
        }
        ledger.add(entry);
        return entry;
    }

    /** The job's outcome once it ended, or null while it runs (or cannot be read). */
    private static Entry ended(String kind, String fileId, String jobId, JsonObject job) {
        if (job == null || "running".equals(job.getString("status"))) {
            return null;
        }
        if ("done".equals(job.getString("status")) && job.getJsonObject("result") != null) {
            return Entry.answered(kind, fileId, job.getJsonObject("result"));
        }
        JsonObject error = job.getJsonObject("error");
        return new Entry(kind, fileId, jobId, false, error == null ? Outcome.LOST : Outcome.FAILED,
                error == null ? "ended " + job.getString("status") + " without a reason" : error.getInteger("status", 0) + " " + error.getString("error"),
                0, 0);
    }

    /** A failure reply: failed with a reason when its body names the error, else lost. */
    private static Entry refused(String kind, String fileId, Api.Response r) {
        try {
            JsonObject body = r.json();
            if (body.getString("error") != null) {
                return new Entry(kind, fileId, body.getString("job_id"), false, Outcome.FAILED, r.status() + " " + body.getString("error"), 0, 0);
            }
        } catch (RuntimeException notJson) {
            // falls through: an answer that says nothing
        }
        return new Entry(kind, fileId, null, false, Outcome.LOST, r.status() + " without an error body", 0, 0);
    }

    /** Every computed job of the file is recorded exactly once among its questions (a job run twice records twice). */
    private void checkRecordedOnce(Api api, Upload upload) throws InterruptedException {
        if (upload.computedJobs().isEmpty()) {
            return;
        }
        try {
            Api.Response questions = api.get("/files/" + upload.fileId() + "/questions");
            Map<String, Long> recorded = questions.json().getJsonArray("questions").stream()
                    .map(q -> ((JsonObject) q).getString("job_id"))
                    .filter(upload.computedJobs()::contains)
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            for (String jobId : upload.computedJobs()) {
                long times = recorded.getOrDefault(jobId, 0L);
                if (times != 1) {
                    duplicates.put(jobId, times);
                }
            }
        } catch (IOException e) {
            duplicates.put("unreadable questions of " + upload.fileId(), -1L);
        }
    }

    /** The async jobs no client saw end: followed for the drain period, then whatever they are is their outcome. */
    private void drain(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (Entry waiting : pending) {
            JsonObject job = api.awaitJob(waiting.jobId(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            Entry entry = ended(waiting.kind(), waiting.fileId(), waiting.jobId(), job);
            ledger.add(entry != null ? entry : waiting);
        }
    }

    /** The jobs the store holds as accepted and not finished, once there are none or {@code timeout} passed. */
    private List<String> runningJobsAfter(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> running = runningJobs();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            running = runningJobs();
        }
        return running;
    }

    private List<String> runningJobs() {
        Path index = cluster.dataDir.resolve("_index/running-jobs");
        if (!Files.isDirectory(index)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        } catch (IOException e) {
            return List.of("unreadable: " + e);
        }
    }

    private void check(List<Sample> samples, List<String> kills, long toolRuns, List<String> stillRunning, double minutes) {
        List<Entry> all = List.copyOf(ledger);
        Map<Outcome, Long> byOutcome = all.stream().collect(Collectors.groupingBy(Entry::outcome, () -> new java.util.EnumMap<>(Outcome.class),
                Collectors.counting()));
        Map<String, Long> reasons = all.stream().filter(e -> e.outcome() != Outcome.SUCCEEDED)
                .collect(Collectors.groupingBy(e -> e.kind() + ": " + e.reason(), TreeMap::new, Collectors.counting()));
        long computed = all.stream().filter(e -> e.outcome() == Outcome.SUCCEEDED && !e.cached()).count();
        long steps = all.stream().mapToLong(Entry::steps).sum();
        long retried = all.stream().mapToLong(Entry::retried).sum();
        List<Sample> counted = samples.subList(1, samples.size());
        List<Sample> first = SoakProbe.firstThird(counted);
        List<Sample> last = SoakProbe.lastThird(counted);
        System.out.printf("[fault] worker-kill soak %.1f min, %d kills (%s): %d asks accepted = %d succeeded (%d computed) + %d failed with a"
                        + " reason + %d lost; failures %s; duplicates %s; still running %s; tool runs %d for %d steps (%d retried);"
                        + " n1 first third / last third (max): heap after GC %.1f / %.1f MiB, RSS %.1f / %.1f MiB; p99 first %.1f ms, last %.1f ms%n",
                minutes, kills.size(), kills, all.size(), byOutcome.getOrDefault(Outcome.SUCCEEDED, 0L), computed,
                byOutcome.getOrDefault(Outcome.FAILED, 0L), byOutcome.getOrDefault(Outcome.LOST, 0L), reasons, duplicates, stillRunning,
                toolRuns, steps, retried, SoakProbe.max(first, Sample::heapAfterGc) / 1048576, SoakProbe.max(last, Sample::heapAfterGc) / 1048576,
                SoakProbe.max(first, Sample::rss) / 1048576, SoakProbe.max(last, Sample::rss) / 1048576,
                first.get(0).p99Ms(), last.get(last.size() - 1).p99Ms());

        assertThat(kills).as("a worker killed and back every minute").hasSizeGreaterThanOrEqualTo((int) minutes);
        assertThat(computed).as("computed jobs (cold asks answered)").isPositive();
        assertThat(all).as("asks without an outcome (no answer, still running, ended without a reason): " + reasons)
                .noneMatch(e -> e.outcome() == Outcome.LOST);
        assertThat(stillRunning).as("jobs still in _index/running-jobs after the drain").isEmpty();
        assertThat(duplicates).as("computed jobs recorded other than once").isEmpty();
        assertThat(toolRuns).as("cluster-wide tool runs: at most the computed steps plus those retried").isLessThanOrEqualTo(steps + retried);
        SoakProbe.assertNoDrift(counted);
    }

}
