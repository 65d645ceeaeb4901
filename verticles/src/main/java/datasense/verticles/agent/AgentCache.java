package datasense.verticles.agent;

import datasense.agent.AnalysisState;
import datasense.agent.Plan;
import datasense.agent.PlanJoin;
import datasense.agent.PlanStep;
import datasense.agent.StepState;
import datasense.verticles.bus.CacheKeys;
import datasense.verticles.bus.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache by meaning: an answer's step outputs stored under the canonical plan that produced them, so a
 * rephrased question with the same plan is answered again (its own interpretation, its own written answer)
 * without running a tool. Only a run that needed no repair and whose every step succeeded is stored.
 */
final class AgentCache {

    private AgentCache() {
    }

    /** The plan's key: its canonical steps and, for a plan that joins files, the ids of the files it joins. */
    static String planKey(String tenant, String fileId, Plan plan) {
        return CacheKeys.planKey(tenant, fileId, steps(plan.steps()), plan.joins().stream().map(PlanJoin::fileId).toList());
    }

    static String canonical(PlanStep step) {
        return CacheKeys.canonicalSteps(steps(List.of(step)));
    }

    private static JsonArray steps(List<PlanStep> steps) {
        JsonArray array = new JsonArray();
        for (PlanStep s : steps) {
            array.add(new JsonObject().put("tool", s.tool()).put("args", new JsonObject(s.args().toString())));
        }
        return array;
    }

    /** The value to store for a finished run, or null when the run is not worth reusing. */
    static String entry(AnalysisState state) {
        if (state.replans() > 0 || state.steps().isEmpty()
                || state.steps().stream().anyMatch(s -> s.status() != StepState.Status.OK || s.output() == null)) {
            return null;
        }
        JsonArray outputs = new JsonArray();
        for (StepState s : state.steps()) {
            outputs.add(new JsonObject().put("step", canonical(s.step())).put("output", Json.toJson(s.output())));
        }
        return new JsonObject().put("steps", outputs).encode();
    }

    /** Step outputs by index from a stored entry (empty when there is none). */
    static Map<Integer, JsonObject> replay(String entry) {
        Map<Integer, JsonObject> byIndex = new HashMap<>();
        if (entry != null) {
            JsonArray steps = new JsonObject(entry).getJsonArray("steps", new JsonArray());
            for (int i = 0; i < steps.size(); i++) {
                byIndex.put(i, steps.getJsonObject(i));
            }
        }
        return byIndex;
    }
}
