package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tools node frozen (SIGSTOP) past the cluster's heartbeat, then thawed (SIGCONT), while jobs run: n1 and n2 run
 * agents, n2 and n3 tools, n3 is frozen. Every job must end done, its steps that n3 held run again on n2, and
 * nothing done twice: no job resumed by another agent while its own still runs it (their leases live in maps part
 * of which n3 owns), each job recorded once, and the tool runs answered equal to the steps the answers name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("fault")
class FrozenMemberIT {

    private static final Duration START = Duration.ofSeconds(90);
    /** Longer than the cluster's 10 s without a heartbeat (n3 leaves the cluster) and the agent's 8 s without a tool's beat. */
    private static final Duration FROZEN = Duration.ofSeconds(16);
    private static final List<String> QUESTIONS = List.of(
            "total amount by region", "average amount by category", "total weight by region", "average units by region",
            "monthly trend of amount", "distribution of units", "total units by category", "average weight by category",
            "maximum amount by region", "distribution of weight", "monthly trend of weight", "minimum weight by category");
    private LoopbackCluster cluster;
    private Api n1;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    void startCluster() throws Exception {
        cluster = LoopbackCluster.start("FrozenMemberIT", "n1", List.of(
                new LoopbackCluster.Spec("n1", "api,agent,writer,ingest", false),
                // the tools nodes serve HTTP too, only so that each one's /metrics tells the runs it answered
                new LoopbackCluster.Spec("n2", "api,agent,tools", false),
                new LoopbackCluster.Spec("n3", "api,tools", false)), START);
        n1 = cluster.api("n1");
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            signal("CONT", cluster.node("n3").pid()); // never leave a frozen process behind
            cluster.close();
        }
    }

    @Test
    void aToolsNodeFrozenPastTheHeartbeatLeavesEveryJobDoneOnceAndNoToolRunTwice() throws Exception {
        List<String> files = new ArrayList<>();
        for (long seed : new long[] {31, 32}) {
            Api.Response upload = n1.uploadCsv("orders-" + seed + ".csv", new Orders(200_000, seed).csv());
            assertThat(upload.status()).as(upload.text()).isEqualTo(201);
            files.add(upload.json().getString("file_id"));
        }
        long runsBefore = answeredRuns();

        Map<String, String> jobs = new LinkedHashMap<>(); // job id -> file id
        for (String file : files) {
            for (String question : QUESTIONS) {
                Api.Response accepted = n1.askAsync(file, question);
                assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
                jobs.put(accepted.json().getString("job_id"), file);
            }
        }
        long pid = cluster.node("n3").pid();
        signal("STOP", pid);
        long frozenAt = System.nanoTime();
        try {
            // the fault itself lasts this long; nothing is awaited here
            TimeUnit.NANOSECONDS.sleep(FROZEN.toNanos());
        } finally {
            signal("CONT", pid);
        }
        System.out.printf("[FrozenMemberIT] n3 frozen for %d ms with %d jobs in flight%n",
                (System.nanoTime() - frozenAt) / 1_000_000, jobs.size());

        int steps = 0;
        List<String> ranOn = new ArrayList<>();
        for (Map.Entry<String, String> entry : jobs.entrySet()) {
            JsonObject job = n1.awaitJob(entry.getKey(), Duration.ofSeconds(120));
            assertThat(job).as("job " + entry.getKey()).isNotNull();
            assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
            JsonObject body = job.getJsonObject("result");
            if (!body.getBoolean("cached", false)) {
                steps += body.getJsonArray("plan").size();
            }
            Api.actSteps(body).forEach(a -> ranOn.add(a.getString("ran_on")));
        }
        for (String file : files) {
            JsonArray recorded = n1.get("/files/" + file + "/questions").json().getJsonArray("questions");
            assertThat(recorded).as("questions recorded for " + file).hasSize(QUESTIONS.size());
        }
        long runs = answeredRuns() - runsBefore;
        String agentLogs = cluster.node("n1").logText() + cluster.node("n2").logText();
        long resumed = agentLogs.lines().filter(l -> l.contains("resuming it here")).count();
        long lateAnswers = agentLogs.lines().filter(l -> l.contains("after it was given up")).count();
        System.out.printf("[FrozenMemberIT] %d jobs done; steps named by the answers %d, tool runs answered %d; resumed %d;"
                + " late answers %d; steps ran on %s%n", jobs.size(), steps, runs, resumed, lateAnswers, ranOn);
        assertThat(resumed).as("jobs resumed by an agent while their own still ran them").isZero();
        assertThat(lateAnswers).as("tool calls answered after their agent had sent them again").isZero();
        assertThat(runs).as("tool runs answered by n2 and n3 (a call given up on is dropped, not answered)").isEqualTo(steps);
    }

    /** Tool calls answered "ok" by the tools nodes, from each one's own /metrics (a cluster-wide counter may lose
     *  its value when a frozen member is dropped and merged back). */
    private long answeredRuns() throws Exception {
        long runs = 0;
        for (String node : List.of("n2", "n3")) {
            String metrics = cluster.api(node).get("/metrics").text();
            runs += metrics.lines()
                    .filter(l -> l.startsWith("datasense_tool_duration_seconds_count{") && l.contains("outcome=\"ok\""))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        }
        return runs;
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } catch (Exception e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + ": " + e, e);
        }
    }
}
