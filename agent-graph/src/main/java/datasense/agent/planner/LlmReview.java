package datasense.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import datasense.agent.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * One model reply checked call by call: the steps it would make, and for each tool call the problems that
 * keep it from running. A reply is acceptable only when it made at least one call and every call is valid;
 * otherwise its problems go back to the model for the one repair.
 *
 * @param steps   the plan steps, one per call, when {@link #valid()}; else the valid calls only
 * @param calls   every tool call with its id (for the tool-result message) and its problems
 * @param general problems of the reply as a whole (no tool calls, too many)
 */
record LlmReview(List<PlanStep> steps, List<CallVerdict> calls, List<String> general) {

    /** More steps than any sensible answer needs: a runaway reply, not a plan. */
    static final int MAX_CALLS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tool call of the reply and what is wrong with it (empty when nothing). */
    record CallVerdict(String id, String tool, List<String> problems) {
    }

    /** Checks each call of {@code message} against the tools, the schema and the SQL guard. */
    static LlmReview of(ChatCompletionMessage message, StepValidator validator) {
        List<ChatCompletionMessageToolCall> toolCalls = message.toolCalls().orElse(List.of());
        List<PlanStep> steps = new ArrayList<>();
        List<CallVerdict> verdicts = new ArrayList<>();
        List<String> general = new ArrayList<>();
        if (toolCalls.isEmpty()) {
            general.add("the reply made no tool calls; reply only with tool calls");
        }
        if (toolCalls.size() > MAX_CALLS) {
            general.add("too many tool calls (" + toolCalls.size() + "); at most " + MAX_CALLS);
        }
        for (int i = 0; i < toolCalls.size(); i++) {
            ChatCompletionMessageToolCall call = toolCalls.get(i);
            if (!call.isFunction()) {
                String id = call.isCustom() ? call.asCustom().id() : null;
                verdicts.add(new CallVerdict(id, "custom", List.of("not a function call; use the provided functions")));
                continue;
            }
            ChatCompletionMessageFunctionToolCall fc = call.asFunction();
            String tool = fc.function().name();
            List<String> problems = new ArrayList<>();
            JsonNode args = null;
            try {
                args = JSON.readTree(fc.function().arguments());
            } catch (Exception e) {
                problems.add(tool + ": arguments are not valid JSON");
            }
            if (args != null) {
                problems.addAll(validator.problems(tool, args, i));
            }
            if (problems.isEmpty()) {
                ObjectNode a = (ObjectNode) args;
                steps.add(new PlanStep(tool, a, intent(tool, a)));
            }
            verdicts.add(new CallVerdict(fc.id(), tool, List.copyOf(problems)));
        }
        return new LlmReview(List.copyOf(steps), List.copyOf(verdicts), List.copyOf(general));
    }

    /** True when the reply may become a plan as it is. */
    boolean valid() {
        return general.isEmpty() && calls.stream().allMatch(c -> c.problems().isEmpty());
    }

    /** Every problem, each call's prefixed with its position in the reply. */
    List<String> problems() {
        List<String> out = new ArrayList<>(general);
        for (int i = 0; i < calls.size(); i++) {
            for (String p : calls.get(i).problems()) {
                out.add("call " + i + " (" + calls.get(i).tool() + "): " + p);
            }
        }
        return out;
    }

    /** A step's intent in words, from its tool and arguments. */
    static String intent(String tool, ObjectNode a) {
        return switch (tool) {
            case "sql_executor" -> a.path("label").isTextual() ? a.get("label").asText() : "SQL query";
            case "distribution_plot" -> "Distribution of " + a.path("column").asText();
            case "trend_plot" -> "Trend of " + a.path("agg").asText("sum") + " of "
                    + a.path("value_column").asText("rows") + " over " + a.path("date_column").asText("time");
            case "summary_stats" -> "Summary statistics of " + (a.path("columns").isEmpty() ? "every column"
                    : String.join(" and ", texts(a.path("columns"))));
            case "correlation" -> "Correlation " + (a.path("columns").isEmpty() ? "of every numeric column"
                    : "between " + String.join(" and ", texts(a.path("columns"))));
            case "chart" -> (a.path("kind").isTextual() ? a.get("kind").asText() + " chart" : "Chart")
                    + " of step " + a.path("from_step").asInt();
            default -> tool;
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
