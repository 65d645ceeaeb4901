package datasense.agent.planner;

import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.agent.Planner;
import datasense.agent.TokenUsage;
import datasense.agent.Turn;
import datasense.tools.SchemaInfo;
import datasense.tools.ToolRegistry;
import datasense.tools.ToolSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Plans with a model behind an OpenAI-compatible chat completions endpoint. The six tools are offered as
 * functions whose parameters are the tools' own JSON schemas; the schema with sample values goes in the
 * system prompt and earlier turns (question, then the plan that answered it) as user/assistant messages.
 *
 * <p>The model's tool calls become plan steps only after {@link StepValidator} accepts every one of them
 * (known tool, schema-valid arguments, real columns, SQL that passes the guard), so text in a question or in
 * the data can never make it run anything but validated tool calls. A rejected reply is sent back once with
 * its problems (a tool result per call and a message listing them with the valid column names); if the
 * second reply is still invalid, or a call fails or the budget runs out, the {@code fallback} planner (the
 * offline one) answers and the plan's notes say why. HTTP retries with exponential backoff and jitter are
 * the client's own ({@link LlmConfig#maxRetries()}); the model tokens of every reply are summed into
 * {@link Plan#usage()}, fallback plans included. Nothing blocks: the calls go through the asynchronous
 * client and the checks run off the caller's thread.
 */
public final class LlmPlanner implements Planner, AutoCloseable {

    private static final int MAX_TURNS = 6;
    private static final double CONFIDENCE = 0.8;
    // a plan the model got right only on its second try is less certain
    private static final double REPAIRED_CONFIDENCE = 0.7;

    private final LlmConfig config;
    private final Planner fallback;
    private final OpenAIClientAsync client;
    private final Map<String, ToolSpec> tools = new LinkedHashMap<>();
    private final List<ChatCompletionFunctionTool> functions = new ArrayList<>();

    public LlmPlanner(LlmConfig config, Planner fallback) {
        this.config = config;
        this.fallback = fallback;
        this.client = OpenAIOkHttpClientAsync.builder()
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey())
                .timeout(config.timeout())
                .maxRetries(config.maxRetries())
                .build();
        for (ToolSpec spec : ToolRegistry.standard().specs()) {
            tools.put(spec.name(), spec);
            functions.add(function(spec));
        }
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public CompletionStage<Plan> plan(PlanRequest request) {
        if (request.failure() != null) {
            // repairs are mechanical (re-link a column, redraw a chart): the offline planner does them well
            return fallback.plan(request);
        }
        Attempt attempt = new Attempt(request, System.nanoTime() + config.budget().toNanos());
        CompletableFuture<Plan> planned;
        try {
            ChatCompletionCreateParams first = params(request);
            planned = attempt.call(first).thenComposeAsync(c -> attempt.firstReply(first, c));
        } catch (RuntimeException e) {
            planned = CompletableFuture.failedFuture(e);
        }
        return planned.exceptionallyComposeAsync(e -> fallBack(request, reason(e), attempt.usage.get()));
    }

    @Override
    public void close() {
        client.close();
    }

    /** The system prompt for {@code schema}; see {@link LlmPrompt#system}. */
    static String systemPrompt(SchemaInfo schema) {
        return LlmPrompt.system(schema);
    }

    private ChatCompletionCreateParams params(PlanRequest request) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model(config.model())
                .temperature(0.0)
                .addSystemMessage(LlmPrompt.system(request.schema()));
        List<Turn> history = request.history() == null ? List.of() : request.history();
        for (Turn t : history.subList(Math.max(0, history.size() - MAX_TURNS), history.size())) {
            b.addUserMessage(t.question());
            b.addAssistantMessage(LlmPrompt.summary(t.plan()));
        }
        b.addUserMessage(request.question());
        functions.forEach(b::addTool);
        return b.build();
    }

    private static ChatCompletionFunctionTool function(ToolSpec spec) {
        FunctionParameters.Builder p = FunctionParameters.builder();
        spec.argsSchema().fields().forEachRemaining(e -> p.putAdditionalProperty(e.getKey(),
                JsonValue.fromJsonNode(e.getValue())));
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(spec.name())
                        .description(spec.description())
                        .parameters(p.build())
                        .build())
                .build();
    }

    /** One question's conversation with the model: its deadline and the tokens spent so far. */
    private final class Attempt {

        final PlanRequest request;
        final long deadlineNanos;
        final AtomicReference<TokenUsage> usage = new AtomicReference<>();

        Attempt(PlanRequest request, long deadlineNanos) {
            this.request = request;
            this.deadlineNanos = deadlineNanos;
        }

        /** One chat completion within what is left of the budget, its tokens added to {@link #usage}. */
        CompletableFuture<ChatCompletion> call(ChatCompletionCreateParams params) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (leftMs <= 0) {
                return CompletableFuture.failedFuture(new TimeoutException("budget spent"));
            }
            Duration perAttempt = Duration.ofMillis(Math.min(config.timeout().toMillis(), leftMs));
            // the client's timeout bounds each HTTP attempt; orTimeout bounds the attempts and backoffs together
            return client.chat().completions()
                    .create(params, RequestOptions.builder().timeout(perAttempt).build())
                    .orTimeout(leftMs, TimeUnit.MILLISECONDS)
                    .thenApply(c -> {
                        TokenUsage spent = c.usage()
                                .map(u -> new TokenUsage(u.promptTokens(), u.completionTokens(), 1))
                                .orElse(new TokenUsage(0, 0, 1));
                        usage.accumulateAndGet(spent, (a, b) -> a == null ? b : a.plus(b));
                        return c;
                    });
        }

        /** Accepts a valid first reply, else sends the problems back once and judges the second reply. */
        CompletableFuture<Plan> firstReply(ChatCompletionCreateParams first, ChatCompletion completion) {
            StepValidator validator = new StepValidator(tools, request.schema());
            ChatCompletionMessage message = message(completion);
            LlmReview review = LlmReview.of(message, validator);
            if (review.valid()) {
                return CompletableFuture.completedFuture(toPlan(review, message, List.of(), CONFIDENCE));
            }
            ChatCompletionCreateParams.Builder again = first.toBuilder().addMessage(message);
            for (LlmReview.CallVerdict v : review.calls()) {
                if (v.id() != null) {
                    again.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(v.id())
                            .content(LlmPrompt.toolResult(v.problems())).build());
                }
            }
            again.addUserMessage(LlmPrompt.repair(review, request.schema()));
            String firstProblems = String.join("; ", review.problems());
            return call(again.build()).thenApplyAsync(c -> {
                ChatCompletionMessage m = message(c);
                LlmReview second = LlmReview.of(m, validator);
                if (!second.valid()) {
                    throw new PlanRejected("still invalid after one repair: " + String.join("; ", second.problems()));
                }
                return toPlan(second, m, List.of("the model's first plan was rejected (" + firstProblems
                        + ") and repaired once"), REPAIRED_CONFIDENCE);
            });
        }

        private Plan toPlan(LlmReview review, ChatCompletionMessage message, List<String> extraNotes,
                            double confidence) {
            List<String> notes = new ArrayList<>(extraNotes);
            notes.add("model: " + config.model());
            String said = message.content().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            String interpretation = said != null && said.length() <= 400 ? said
                    : String.join("; then ", review.steps().stream().map(PlanStep::intent).toList());
            // the model's plan is judged by what it does: each part of the question it ignores lowers confidence
            List<Unexplained> ignored = request.schema() == null ? List.of()
                    : PlanAccounting.unexplained(request.question(), request.schema(), review.steps());
            if (!ignored.isEmpty()) {
                String parts = ignored.stream().map(u -> "'" + u.text() + "'").collect(Collectors.joining(", "));
                interpretation += " (not reflected in the plan: " + parts + ")";
                notes.add("the model's plan does not use " + parts + " of the question; confidence lowered");
            }
            return new Plan(review.steps(), interpretation, PlanAccounting.confidence(confidence, ignored), notes,
                    List.of(), List.of(), name(), usage.get());
        }
    }

    private static ChatCompletionMessage message(ChatCompletion completion) {
        if (completion.choices().isEmpty()) {
            throw new PlanRejected("no choices in the reply");
        }
        return completion.choices().get(0).message();
    }

    private CompletionStage<Plan> fallBack(PlanRequest request, String reason, TokenUsage spent) {
        String note = "llm planner failed: " + reason + "; used offline planner";
        return fallback.plan(request).thenApply(p -> {
            List<String> notes = new ArrayList<>();
            notes.add(note);
            notes.addAll(p.notes());
            TokenUsage usage = p.usage() == null ? spent : p.usage().plus(spent);
            return p.withNotes(notes).withUsage(usage);
        });
    }

    private String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                || t.getClass().getSimpleName().contains("Timeout")
                || t.getCause() instanceof java.io.InterruptedIOException) {
            return "timed out (budget " + config.budget().toMillis() + " ms, " + config.timeout().toMillis()
                    + " ms per attempt)";
        }
        if (t instanceof PlanRejected) {
            return "invalid plan: " + t.getMessage();
        }
        String msg = t.getMessage() == null ? "" : t.getMessage();
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "...";
        }
        return t.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
    }

    /** A reply that cannot become a plan: no choices, or still invalid after the one repair. */
    private static final class PlanRejected extends RuntimeException {
        PlanRejected(String message) {
            super(message, null, false, false);
        }
    }
}
