package datasense.verticles.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * DataSense's own meters, on the node's registry (see {@link NodeMetrics}); the verticles that do the work record
 * them. Every tag takes few values: outcomes, tool names (the registry's six), planner kinds, cache kinds; never a
 * tenant, file, job or question. The meters the hot path touches (cache lookups) are made once, so recording is
 * an add to a counter. docs/operations.md lists every series.
 */
public final class ProductMetrics {

    private final MeterRegistry registry;
    private final Counter questionHits;
    private final Counter questionMisses;
    private final Counter planHits;
    private final Counter planMisses;
    private final Counter ingestRows;
    private final Counter ingestRejected;
    private final Counter fallbacks;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    public ProductMetrics(MeterRegistry registry) {
        this.registry = registry;
        questionHits = cache("question", "hit");
        questionMisses = cache("question", "miss");
        planHits = cache("plan", "hit");
        planMisses = cache("plan", "miss");
        ingestRows = Counter.builder("datasense.ingest.rows").description("rows ingested from uploaded CSVs").register(registry);
        ingestRejected = Counter.builder("datasense.ingest.rejected.rows").description("CSV rows rejected at ingest").register(registry);
        fallbacks = Counter.builder("datasense.planner.fallbacks")
                .description("questions the LLM planner could not plan, planned by the offline planner instead").register(registry);
        // open and maximum file descriptors of the process (Vert.x's JVM meters bring uptime and CPU, not these)
        new FileDescriptorMetrics().bindTo(registry);
        promptTokens = tokens("prompt");
        completionTokens = tokens("completion");
    }

    /** Meters kept in a registry of their own, for a verticle deployed outside a node (tests). */
    public static ProductMetrics detached() {
        return new ProductMetrics(new SimpleMeterRegistry());
    }

    private Counter cache(String kind, String result) {
        return Counter.builder("datasense.cache.lookups").description("answer cache lookups by kind (question words, plan) and result")
                .tag("kind", kind).tag("result", result).register(registry);
    }

    private Counter tokens(String kind) {
        return Counter.builder("datasense.llm.tokens").description("tokens the LLM planner spent").tag("kind", kind).register(registry);
    }

    /** A cache lookup: {@code planKey} tells a lookup by plan from one by the question's words. */
    public void cacheLookup(boolean planKey, boolean hit) {
        (planKey ? (hit ? planHits : planMisses) : (hit ? questionHits : questionMisses)).increment();
    }

    /** A job that ended: {@code outcome} is done or failed; {@code error} its error code when failed. */
    public void jobEnded(String outcome, String error, long durationMs) {
        timer("datasense.job.duration", "jobs from acceptance (or resumption) to their end, by outcome", "outcome", outcome)
                .record(durationMs, TimeUnit.MILLISECONDS);
        if (error != null) {
            counter("datasense.job.failures", "failed jobs by error code", "error", error).increment();
        }
    }

    /** A tool call on this node: {@code outcome} ok or failed. */
    public void toolRun(String tool, String outcome, long nanos) {
        timers.computeIfAbsent("tool|" + tool + "|" + outcome, k -> Timer.builder("datasense.tool.duration")
                .description("tool calls run on this node, by tool and outcome").tag("tool", tool).tag("outcome", outcome)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A plan made: by which planner, and whether the LLM planner fell back to the offline one. */
    public void planned(String planner, boolean fallback, long prompt, long completion) {
        counter("datasense.planner.plans", "plans made, by the planner that made them", "planner", planner == null ? "unknown" : planner)
                .increment();
        if (fallback) {
            fallbacks.increment();
        }
        promptTokens.increment(prompt);
        completionTokens.increment(completion);
    }

    /**
     * A tenant over one of its limits ({@code limit}: requests_per_minute, asks_in_flight, llm_tokens_per_day): a 429,
     * or for the token budget a question planned offline.
     */
    public void limitExceeded(String limit) {
        counter("datasense.limits.exceeded", "requests over a tenant limit: answered 429, or planned offline (llm_tokens_per_day)",
                "limit", limit).increment();
    }

    /** A request admitted without being counted against {@code limit} because Redis did not answer (fail open). */
    public void limitUnchecked(String limit) {
        counter("datasense.limits.unchecked", "requests admitted uncounted because Redis did not answer (limits fail open)",
                "limit", limit).increment();
    }

    /** A file ingested (or refused: {@code outcome} is its error code). */
    public void ingested(String outcome, long rows, long rejected) {
        counter("datasense.ingest.files", "files ingested, by outcome", "outcome", outcome).increment();
        ingestRows.increment(rows);
        ingestRejected.increment(rejected);
    }

    /** A retention sweep this node ran, and what it removed (questions, jobs, answers, conversations, audit-log days; their bytes). */
    public void swept(int questions, int jobs, int answers, int conversations, int auditDays, long bytes) {
        Counter.builder("datasense.retention.sweeps").description("retention sweeps run on this node").register(registry).increment();
        removed("questions").increment(questions);
        removed("jobs").increment(jobs);
        removed("answers").increment(answers);
        removed("conversations").increment(conversations);
        removed("audit_days").increment(auditDays);
        Counter.builder("datasense.retention.removed.bytes").description("bytes the retention sweeps removed (job, answer and audit-day folders, conversations)")
                .register(registry).increment(bytes);
    }

    private Counter removed(String kind) {
        return counter("datasense.retention.removed", "what the retention sweeps removed, by kind", "kind", kind);
    }

    private Timer timer(String name, String description, String tag, String value) {
        return timers.computeIfAbsent(name + "|" + value, k -> Timer.builder(name).description(description).tag(tag, value).register(registry));
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + value, k -> Counter.builder(name).description(description).tag(tag, value).register(registry));
    }
}
