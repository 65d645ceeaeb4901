package datasense.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * A checked, runnable {@link StateGraph}. Each step runs one node, picks the next node (plain edge or router),
 * saves a checkpoint (waiting for the save, or writing it behind the run: {@link GraphOptions.Durability}), then
 * goes on, until END, the step limit or a failure.
 *
 * <p>Nothing blocks: a node that completes later continues the run on the thread that completes it. Steps
 * that complete at once are run in a loop rather than by nested callbacks, so long runs do not grow the stack.
 * Runs of different threads are independent; one thread id should not be run twice at the same time.
 */
public final class CompiledGraph<S> {

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern PLAIN_LABEL = Pattern.compile("[A-Za-z0-9 _-]+");

    private final Map<String, Node<S>> nodes;
    private final Map<String, String> edges;
    private final Map<String, StateGraph.Conditional<S>> conditionals;
    private final String entryPoint;
    private final GraphOptions<S> options;

    CompiledGraph(Map<String, Node<S>> nodes, Map<String, String> edges,
                  Map<String, StateGraph.Conditional<S>> conditionals, String entryPoint, GraphOptions<S> options) {
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
        this.conditionals = Collections.unmodifiableMap(new LinkedHashMap<>(conditionals));
        this.entryPoint = entryPoint;
        this.options = options;
    }

    /** Runs a new thread from the entry point. Completes normally whatever the outcome; see {@link GraphRun}. */
    public CompletionStage<GraphRun<S>> invoke(String threadId, S initial) {
        Objects.requireNonNull(threadId, "threadId");
        return new Run(threadId, initial, entryPoint, 0).start();
    }

    /**
     * Continues a thread from its latest checkpoint: runs the checkpoint's next node with its state. A thread
     * whose last checkpoint is at END completes at once. Completes exceptionally with
     * {@link NoSuchElementException} when there is no checkpointer or no checkpoint for the thread.
     */
    public CompletionStage<GraphRun<S>> resume(String threadId) {
        Objects.requireNonNull(threadId, "threadId");
        Checkpointer<S> saver = options.checkpointer();
        if (saver == null) {
            return CompletableFuture.failedFuture(new NoSuchElementException("no checkpointer configured"));
        }
        return saver.latest(threadId).thenCompose(found -> {
            Checkpoint<S> cp = found.orElseThrow(
                    () -> new NoSuchElementException("no checkpoint for thread '" + threadId + "'"));
            Run run = new Run(threadId, cp.state(), cp.nextNode(), cp.step());
            run.lastNode = cp.nodeJustRun();
            return run.start();
        });
    }

    public GraphOptions<S> options() {
        return options;
    }

    /** The node names, in the order they were added. */
    public List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    /**
     * The graph as a Mermaid flowchart, from its definition: plain edges are solid arrows, conditional edges
     * dotted arrows labelled with their router label.
     */
    public String mermaid() {
        Map<String, String> ids = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("flowchart TD\n");
        out.append("    __start__([start])\n");
        int n = 0;
        for (String name : nodes.keySet()) {
            // "end" and friends are Mermaid keywords; odd names get a neutral id and keep their text.
            boolean plain = PLAIN_ID.matcher(name).matches()
                    && !List.of("end", "graph", "subgraph", "flowchart", "style", "class", "click")
                    .contains(name.toLowerCase(java.util.Locale.ROOT));
            String id = plain ? name : "node" + n;
            ids.put(name, id);
            out.append("    ").append(id).append("[").append(quoted(name)).append("]\n");
            n++;
        }
        ids.put(StateGraph.END, "__end__");
        out.append("    __end__([end])\n");
        out.append("    __start__ --> ").append(ids.get(entryPoint)).append('\n');
        for (String from : nodes.keySet()) {
            if (edges.containsKey(from)) {
                out.append("    ").append(ids.get(from)).append(" --> ").append(ids.get(edges.get(from))).append('\n');
            }
            StateGraph.Conditional<S> c = conditionals.get(from);
            if (c != null) {
                c.routes().forEach((label, to) -> out.append("    ").append(ids.get(from)).append(" -.->|")
                        .append(PLAIN_LABEL.matcher(label).matches() ? label : quoted(label)).append("| ")
                        .append(ids.get(to)).append('\n'));
            }
        }
        return out.toString();
    }

    private static String quoted(String text) {
        return PLAIN_LABEL.matcher(text).matches() ? text : "\"" + text.replace("\"", "#quot;") + "\"";
    }

    /** One run of one thread; its fields are only touched by one step at a time. */
    private final class Run {
        private final String threadId;
        private final List<StepRecord> records = new ArrayList<>();
        private final CompletableFuture<GraphRun<S>> result = new CompletableFuture<>();
        private S state;
        private String next;
        private int step;
        private String lastNode;
        private CompletableFuture<Void> saves = CompletableFuture.completedFuture(null);

        Run(String threadId, S state, String next, int step) {
            this.threadId = threadId;
            this.state = state;
            this.next = next;
            this.step = step;
        }

        CompletableFuture<GraphRun<S>> start() {
            loop();
            return result;
        }

        private void loop() {
            while (true) {
                if (StateGraph.END.equals(next)) {
                    finish(GraphRun.Outcome.COMPLETED, null);
                    return;
                }
                if (step >= options.maxSteps()) {
                    finish(GraphRun.Outcome.STEP_LIMIT, null);
                    return;
                }
                CompletableFuture<Void> done = runStep(next);
                if (!done.isDone()) {
                    done.whenComplete((ok, error) -> {
                        if (error == null) {
                            loop();
                        } else {
                            finish(GraphRun.Outcome.FAILED, error);
                        }
                    });
                    return;
                }
                try {
                    done.get();
                } catch (ExecutionException | CompletionException e) {
                    finish(GraphRun.Outcome.FAILED, e.getCause());
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    finish(GraphRun.Outcome.FAILED, e);
                    return;
                } catch (RuntimeException e) { // cancellation
                    finish(GraphRun.Outcome.FAILED, e);
                    return;
                }
            }
        }

        /** Runs one node, routes, saves the checkpoint (SYNC: waits for it) and moves the run forward. */
        private CompletableFuture<Void> runStep(String node) {
            lastNode = node;
            long started = System.nanoTime();
            CompletableFuture<S> applied;
            try {
                CompletionStage<S> stage = options.nodeHook().around(threadId, step + 1, node, state, nodes.get(node));
                if (stage == null) {
                    throw new IllegalStateException("node '" + node + "' returned no CompletionStage");
                }
                applied = stage.toCompletableFuture();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return applied.thenCompose(newState -> {
                long took = System.nanoTime() - started;
                if (newState == null) {
                    throw new IllegalStateException("node '" + node + "' completed with a null state");
                }
                String target = nextAfter(node, newState);
                int number = step + 1;
                if (options.checkpointer() != null) {
                    Checkpoint<S> checkpoint = new Checkpoint<>(threadId, number, node, target, newState);
                    // chained, so saves land in step order even when they are written behind the run
                    saves = saves.thenCompose(v -> options.checkpointer().save(checkpoint));
                }
                CompletableFuture<Void> awaited = options.durability() == GraphOptions.Durability.SYNC
                        ? saves : failedSave();
                return awaited.thenRun(() -> {
                    state = newState;
                    next = target;
                    step = number;
                    records.add(new StepRecord(number, node, took));
                });
            });
        }

        /** In ASYNC mode, a save that has already failed stops the run at the next step. */
        private CompletableFuture<Void> failedSave() {
            return saves.isCompletedExceptionally() ? saves : CompletableFuture.completedFuture(null);
        }

        private String nextAfter(String node, S newState) {
            String to = edges.get(node);
            if (to != null) {
                return to;
            }
            StateGraph.Conditional<S> c = conditionals.get(node);
            String label = c.router().route(newState);
            String routed = c.routes().get(label);
            if (routed == null) {
                throw new IllegalStateException("router of '" + node + "' returned label '" + label
                        + "' which has no route (routes: " + c.routes().keySet() + ")");
            }
            return routed;
        }

        /** Ends the run once every checkpoint is saved; a failed save makes it a failed run. */
        private void finish(GraphRun.Outcome outcome, Throwable error) {
            saves.whenComplete((ok, saveError) -> {
                if (error == null && saveError != null) {
                    complete(GraphRun.Outcome.FAILED, saveError);
                } else {
                    complete(outcome, error);
                }
            });
        }

        private void complete(GraphRun.Outcome outcome, Throwable error) {
            Throwable cause = error;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            result.complete(new GraphRun<>(state, outcome, step, records, lastNode, cause));
        }
    }
}
