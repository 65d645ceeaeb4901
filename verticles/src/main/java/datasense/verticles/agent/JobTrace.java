package datasense.verticles.agent;

import datasense.agent.AnalysisState;
import datasense.graph.NodeHook;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One job's spans, when tracing is on: the job's own ({@code job}), one per graph step ({@code plan}, {@code act},
 * {@code reflect}, {@code answer}) as its children, and one per tool call ({@code tool <name>}) under the act step
 * that made it. The event-bus spans Vert.x makes for what these send (to the planner, the tool workers, the writer)
 * hang under them, and a tool call's context travels in its message's {@code traceparent} header to the tools node,
 * so the worker's spans join the same trace. Contexts are passed explicitly, not read from the thread, because the
 * job goes on in callbacks long after the request that started it has been answered (202). Off ({@link #OFF}), every
 * method only runs what it is given.
 */
final class JobTrace {

    static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("datasense.job.id");
    static final AttributeKey<String> AGENT = AttributeKey.stringKey("datasense.agent");
    static final AttributeKey<Boolean> RESUMED = AttributeKey.booleanKey("datasense.job.resumed");
    static final AttributeKey<String> NODE = AttributeKey.stringKey("datasense.graph.node");
    static final AttributeKey<Long> STEP = AttributeKey.longKey("datasense.graph.step");
    static final AttributeKey<String> TOOL = AttributeKey.stringKey("datasense.tool.name");
    static final AttributeKey<Long> INDEX = AttributeKey.longKey("datasense.plan.step_index");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("datasense.tool.attempts");
    static final AttributeKey<String> WORKER = AttributeKey.stringKey("datasense.tool.worker");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("datasense.outcome");

    /** Tracing off: no span, nothing made current. */
    static final JobTrace OFF = new JobTrace(null, null, null);

    private final Tracer tracer;
    /** The job span's context (null when off). */
    private final Context context;
    private final String jobId;

    private JobTrace(Tracer tracer, Context context, String jobId) {
        this.tracer = tracer;
        this.context = context;
        this.jobId = jobId;
    }

    /**
     * The job's span, a child of {@code parent}: the context its {@code ds.agent.run} message arrived in, or the root
     * for a job resumed after its agent was lost (its first trace may never have ended: a new trace starts, marked
     * {@code datasense.job.resumed}). {@code tracer} null: {@link #OFF}.
     */
    static JobTrace start(Tracer tracer, Context parent, String jobId, String agent, boolean resumed) {
        if (tracer == null) {
            return OFF;
        }
        Span span = tracer.spanBuilder("job").setParent(parent)
                .setAttribute(JOB_ID, jobId).setAttribute(AGENT, agent).setAttribute(RESUMED, resumed)
                .startSpan();
        return new JobTrace(tracer, parent.with(span), jobId);
    }

    /**
     * Makes the job's span current on the calling Vert.x context until the returned scope closes: for a job run on
     * the duplicated context of its own message, what it sends from callbacks (planning, caching, recording) then
     * joins the trace too.
     */
    Scope attach() {
        return context == null ? Scope.noop() : context.makeCurrent();
    }

    /** Runs {@code work} with the job's span current, so what it sends at once is the job's. */
    <T> Future<T> within(Supplier<Future<T>> work) {
        if (context == null) {
            return work.get();
        }
        try (Scope ignored = context.makeCurrent()) {
            return work.get();
        }
    }

    /** Ends the job's span when {@code outcome} completes: {@code done} or {@code failed} with the error. */
    <T> Future<T> endWith(Future<T> outcome) {
        if (context == null) {
            return outcome;
        }
        Span span = Span.fromContext(context);
        return outcome.onComplete(done -> end(span, done.failed() ? done.cause() : null, done.succeeded() ? "done" : "failed"));
    }

    /**
     * A span per graph step, a child of the job's, current while the node starts its work (the requests it sends
     * then are the step's); it ends when the node's stage completes.
     */
    NodeHook<AnalysisState> steps() {
        if (context == null) {
            return NodeHook.none();
        }
        return (threadId, step, name, state, node) -> {
            Span span = tracer.spanBuilder(name).setParent(context)
                    .setAttribute(JOB_ID, threadId).setAttribute(NODE, name).setAttribute(STEP, (long) step)
                    .startSpan();
            try (Scope ignored = context.with(span).makeCurrent()) {
                return node.apply(state).whenComplete((next, error) -> end(span, error, error == null ? "ok" : "failed"));
            } catch (RuntimeException e) {
                end(span, e, "failed");
                throw e;
            }
        };
    }

    /**
     * A tool call's span, a child of the current step's (call it while the act step starts its work), or null when
     * tracing is off. Make it current with {@link #enter} around each send of the call, retries included.
     */
    Context toolCall(String tool, int index) {
        if (context == null) {
            return null;
        }
        Span span = tracer.spanBuilder("tool " + tool)
                .setAttribute(JOB_ID, jobId)
                .setAttribute(TOOL, tool).setAttribute(INDEX, (long) index)
                .startSpan();
        return Context.current().with(span);
    }

    /** {@code call} made current (nothing when null) until the scope closes. */
    static Scope enter(Context call) {
        return call == null ? Scope.noop() : call.makeCurrent();
    }

    /** Ends a tool call's span: {@code outcome} (ok, failed), the node that ran it, how many sends it took. */
    static void endToolCall(Context call, String outcome, String worker, int attempts, Throwable error) {
        if (call == null) {
            return;
        }
        Span span = Span.fromContext(call);
        if (worker != null) {
            span.setAttribute(WORKER, worker);
        }
        span.setAttribute(ATTEMPTS, (long) attempts);
        end(span, error, outcome);
    }

    private static void end(Span span, Throwable error, String outcome) {
        span.setAttribute(OUTCOME, outcome);
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        }
        span.end();
    }
}
