package datasense.verticles.agent;

import datasense.agent.AnalysisState;
import datasense.agent.AnswerWriter;
import datasense.agent.ArtifactRef;
import datasense.agent.Plan;
import datasense.agent.StepState;
import datasense.graph.StepRecord;
import datasense.tools.Column;
import datasense.tools.Table;
import datasense.tools.chart.VegaLite;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.RunJob;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Builds the /ask reply from the settled state of a graph run: the written answer, how the question was understood and
 * how sure the planner is, the plan that ran and its SQL, then the results in plan order (each step's tables
 * first, then its artifacts; a chart's Vega-Lite spec is not a result of its own but the {@code spec_url} of its
 * image), and the trace naming the node that ran each step.
 */
final class AnswerBody {

    private AnswerBody() {
    }

    static JsonObject of(String tenant, RunJob job, AnalysisState state, List<StepRecord> records,
                         List<JobPorts.ToolRun> toolRuns, String agentNode, double planMs) {
        Plan plan = state.plan();
        JsonArray planJson = new JsonArray();
        JsonArray sql = new JsonArray();
        JsonArray results = new JsonArray();
        for (int i = 0; i < state.steps().size(); i++) {
            StepState step = state.steps().get(i);
            planJson.add(new JsonObject()
                    .put("tool", step.step().tool())
                    .put("args", new JsonObject(step.step().args().toString()))
                    .put("intent", step.step().intent())
                    .put("status", step.status().name().toLowerCase())
                    .put("error", step.errorMessage()));
            if (step.output() == null) {
                continue;
            }
            step.output().sql().forEach(sql::add);
            ArtifactRef fullTable = step.output().artifacts().stream()
                    .filter(a -> a.key().endsWith(".csv")).findFirst().orElse(null);
            for (Table table : step.output().tables()) {
                results.add(table(table, i, fullTable));
            }
            for (ArtifactRef artifact : step.output().artifacts()) {
                if (artifact != fullTable && !VegaLite.CONTENT_TYPE.equals(artifact.contentType())) {
                    results.add(artifact(artifact, spec(artifact, step.output().artifacts()), i));
                }
            }
        }
        if (results.isEmpty()) {
            results.add(new JsonObject().put("type", "text").put("label", "answer").put("text", state.answer()));
        }
        JsonArray unanswered = new JsonArray();
        state.unanswered().forEach(u -> unanswered.add(Json.toJson(u)));
        // scaled by the share of intents answered: a step that failed for good leaves its part unanswered
        double confidence = AnswerWriter.confidence(state);
        return new JsonObject()
                .put("status", "ok")
                .put("cached", false)
                .put("job_id", job.jobId())
                .put("file_id", job.fileId())
                .put("question", job.question())
                .put("answer", state.answer())
                .put("interpretation", plan == null ? null : plan.interpretation())
                .put("confidence", confidence)
                .put("planner", plan == null ? job.planner() : plan.planner())
                .put("plan", planJson)
                .put("sql", sql)
                .put("joins", plan == null ? new JsonArray() : new JsonArray(plan.joins().stream().map(j -> (Object) Json.toJson(j)).toList()))
                .put("results", results)
                .put("notes", plan == null ? new JsonArray() : new JsonArray(plan.notes()))
                .put("caveats", new JsonArray(state.caveats()))
                .put("best_guess", plan != null && !plan.steps().isEmpty() && confidence < Plan.LOW_CONFIDENCE)
                .put("alternatives", plan == null ? new JsonArray() : new JsonArray(plan.alternatives()))
                .put("suggestions", plan == null ? new JsonArray() : new JsonArray(plan.suggestions()))
                .put("unanswered", unanswered)
                .put("end_reason", state.endReason())
                .put("trace", trace(records, toolRuns, agentNode, plan, planMs, tenant));
    }

    private static JsonObject table(Table table, int step, ArtifactRef full) {
        JsonArray rows = new JsonArray();
        table.rows().forEach(r -> rows.add(new JsonArray(r)));
        JsonObject json = new JsonObject()
                .put("type", "table")
                .put("label", table.label())
                .put("step", step)
                .put("columns", new JsonArray(table.columns().stream().map(Column::name).toList()))
                .put("column_types", new JsonArray(table.columns().stream().map(Column::type).toList()))
                .put("rows", rows)
                .put("total_rows", table.totalRows())
                .put("truncated", table.truncated());
        if (full != null && table.truncated()) {
            json.put("full_key", full.key()).put("full_url", url(full.key()));
        }
        return json;
    }

    /** The Vega-Lite spec stored beside a chart's PNG (same key, .vl.json for .png), or null. */
    private static ArtifactRef spec(ArtifactRef image, List<ArtifactRef> artifacts) {
        if (image.chart() == null || !image.key().endsWith(".png")) {
            return null;
        }
        String key = image.key().substring(0, image.key().length() - ".png".length()) + ".vl.json";
        return artifacts.stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
    }

    private static JsonObject artifact(ArtifactRef artifact, ArtifactRef spec, int step) {
        String type = artifact.contentType().startsWith("image/") ? "image"
                : artifact.contentType().startsWith("application/json") ? "json" : "file";
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("label", artifact.label())
                .put("step", step)
                .put("key", artifact.key())
                .put("s3_key", artifact.key())
                .put("url", url(artifact.key()))
                .put("content_type", artifact.contentType());
        if (artifact.chart() != null) {
            json.put("chart", artifact.chart());
        }
        if (artifact.series() != null) {
            json.put("series", artifact.series());
        }
        if (artifact.stacked() != null) {
            json.put("stacked", artifact.stacked());
        }
        if (spec != null) {
            json.put("spec_key", spec.key()).put("spec_url", url(spec.key()));
        }
        return json;
    }

    /**
     * The plain link to an artifact, as replies are stored and cached; the HTTP verticle signs it on the way out
     * when authentication is on, so a link's expiry starts when it is served, not when the answer was computed.
     */
    static String url(String key) {
        return "/artifacts/" + key;
    }

    /** The graph's steps in order; an act step names the tool it ran and the node that ran it. */
    private static JsonArray trace(List<StepRecord> records, List<JobPorts.ToolRun> toolRuns, String agentNode, Plan plan,
                                   double planMs, String tenant) {
        Deque<JobPorts.ToolRun> runs = new ArrayDeque<>(toolRuns);
        JsonArray trace = new JsonArray();
        boolean planned = false;
        for (StepRecord record : records) {
            JsonObject entry = new JsonObject()
                    .put("step", record.step())
                    .put("node", record.node())
                    .put("duration_ms", record.durationNanos() / 1_000_000.0)
                    .put("ran_on", agentNode);
            if ("plan".equals(record.node()) && plan != null && !planned) {
                planned = true;
                // which planner answered, and any fallback it took (e.g. the LLM failed and the offline planner stood in);
                // the agent plans before the graph runs (to look the plan up in the cache), so its time is stated here
                entry.put("planner", plan.planner()).put("planner_notes", new JsonArray(plan.notes()))
                        .put("planner_ms", planMs);
                if (plan.usage() != null) {
                    entry.put("tokens", new JsonObject().put("tenant", tenant)
                            .put("prompt", plan.usage().promptTokens())
                            .put("completion", plan.usage().completionTokens())
                            .put("total", plan.usage().totalTokens())
                            .put("calls", plan.usage().calls()));
                }
            }
            if ("act".equals(record.node()) && !runs.isEmpty()) {
                JobPorts.ToolRun tool = runs.poll();
                entry.put("tool", tool.tool()).put("step_index", tool.index()).put("status", tool.status());
                if ("cached".equals(tool.status())) {
                    entry.put("ran_on", "cache");
                } else if (tool.worker() != null) {
                    entry.put("ran_on", tool.worker()).put("tool_ms", tool.durationMs());
                }
            }
            trace.add(entry);
        }
        return trace;
    }
}
