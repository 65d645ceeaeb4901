package datasense.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StateGraphTest {

    /** A small immutable state: a counter and the log of what ran where. */
    record Tally(int count, List<String> log) {
        Tally plus(String entry) {
            List<String> next = new ArrayList<>(log);
            next.add(entry);
            return new Tally(count + 1, List.copyOf(next));
        }
    }

    private static final Tally ZERO = new Tally(0, List.of());

    private static Node<Tally> counting(String name) {
        return s -> CompletableFuture.completedFuture(s.plus(name));
    }

    private static StateGraph<Tally> countTo(int n) {
        return new StateGraph<Tally>()
                .addNode("inc", counting("inc"))
                .addConditionalEdges("inc", Router.of(Set.of("again", "done"), s -> s.count() < n ? "again" : "done"),
                        Map.of("again", "inc", "done", StateGraph.END))
                .setEntryPoint("inc");
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void loopCountsToNThroughAConditionalEdge() throws Exception {
        GraphRun<Tally> run = await(countTo(5).compile(GraphOptions.defaults()).invoke("t1", ZERO));

        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(run.state().count()).isEqualTo(5);
        assertThat(run.steps()).isEqualTo(5);
        assertThat(run.records()).extracting(StepRecord::step).containsExactly(1, 2, 3, 4, 5);
        assertThat(run.records()).allSatisfy(r -> {
            assertThat(r.node()).isEqualTo("inc");
            assertThat(r.durationNanos()).isNotNegative();
        });
        assertThat(run.error()).isNull();
    }

    @Test
    void aNodeHookWrapsEveryNodeCallInStepOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        NodeHook<Tally> hook = (thread, step, name, state, node) -> {
            seen.add(thread + " " + step + " " + name + " from " + state.count());
            return node.apply(state).thenApply(next -> {
                seen.add(thread + " " + step + " " + name + " to " + next.count());
                return next;
            });
        };
        GraphRun<Tally> run = await(countTo(2).compile(GraphOptions.<Tally>defaults().withNodeHook(hook)).invoke("t", ZERO));

        assertThat(run.state().count()).isEqualTo(2);
        assertThat(seen).containsExactly("t 1 inc from 0", "t 1 inc to 1", "t 2 inc from 1", "t 2 inc to 2");
    }

    @Test
    void longSynchronousLoopsDoNotGrowTheStack() throws Exception {
        int n = 50_000;
        GraphRun<Tally> run = await(new StateGraph<Tally>()
                .addNode("inc", s -> CompletableFuture.completedFuture(new Tally(s.count() + 1, List.of())))
                .addConditionalEdges("inc", s -> s.count() < n ? "again" : "done",
                        Map.of("again", "inc", "done", StateGraph.END))
                .setEntryPoint("inc")
                .compile(new GraphOptions<>(n + 1, null)).invoke("long", ZERO));

        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(run.state().count()).isEqualTo(n);
    }

    @Test
    void stepLimitEndsTheRunNamingTheLastNode() throws Exception {
        GraphRun<Tally> run = await(countTo(100).compile(new GraphOptions<>(7, null)).invoke("t", ZERO));

        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.STEP_LIMIT);
        assertThat(run.steps()).isEqualTo(7);
        assertThat(run.state().count()).isEqualTo(7);
        assertThat(run.lastNode()).isEqualTo("inc");
        assertThat(run.error()).isNull();
    }

    @Test
    void conditionalEdgeCanRouteStraightToEnd() throws Exception {
        CompiledGraph<Tally> graph = new StateGraph<Tally>()
                .addNode("check", counting("check"))
                .addNode("big", counting("big"))
                .addConditionalEdges("check", s -> s.log().size() > 2 ? "large" : "small",
                        Map.of("large", "big", "small", StateGraph.END))
                .addEdge("big", StateGraph.END)
                .setEntryPoint("check")
                .compile(GraphOptions.defaults());

        GraphRun<Tally> small = await(graph.invoke("s", ZERO));
        GraphRun<Tally> large = await(graph.invoke("l", new Tally(0, List.of("x", "y"))));

        assertThat(small.records()).extracting(StepRecord::node).containsExactly("check");
        assertThat(small.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(large.records()).extracting(StepRecord::node).containsExactly("check", "big");
        assertThat(large.state().log()).containsExactly("x", "y", "check", "big");
    }

    @Test
    void compileRejectsUnknownNodesMissingEdgesAndUnreachableNodes() {
        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addEdge("a", "nowhere")
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("edge a -> nowhere goes to unknown node 'nowhere'");

        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addNode("b", counting("b"))
                .addEdge("a", "b")
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node 'b' has no outgoing edge");

        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addNode("orphan", counting("orphan"))
                .addEdge("a", StateGraph.END)
                .addEdge("orphan", "a")
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unreachable from entry point 'a': [orphan]");

        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addEdge("a", StateGraph.END)
                .compile(GraphOptions.defaults()))
                .hasMessageContaining("no entry point");

        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addEdge("a", "a")
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .hasMessageContaining("no path from entry point 'a' reaches END");
    }

    @Test
    void compileRejectsRouterLabelsWithoutARouteAndAmbiguousWaysOut() {
        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addConditionalEdges("a", Router.of(Set.of("go", "stop"), s -> "go"), Map.of("go", StateGraph.END))
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("router of 'a' can return label 'stop' which has no route");

        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addConditionalEdges("a", s -> "x", Map.of("x", "ghost"))
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .hasMessageContaining("route 'x' of 'a' goes to unknown node 'ghost'");

        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addEdge("a", StateGraph.END)
                .addConditionalEdges("a", s -> "x", Map.of("x", StateGraph.END))
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .hasMessageContaining("node 'a' already has an outgoing edge");

        assertThatThrownBy(() -> new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addNode("a", counting("a"))
                .addEdge("a", StateGraph.END)
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()))
                .hasMessageContaining("node 'a' is added twice");
    }

    @Test
    void undeclaredRouterLabelFailsTheRunWithAClearMessage() throws Exception {
        GraphRun<Tally> run = await(new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addConditionalEdges("a", s -> "sideways", Map.of("on", StateGraph.END))
                .setEntryPoint("a")
                .compile(GraphOptions.defaults()).invoke("t", ZERO));

        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.FAILED);
        assertThat(run.error()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("router of 'a' returned label 'sideways' which has no route");
    }

    private static StateGraph<Tally> abcLoop(Node<Tally> b) {
        // a -> b -> c; c goes back to b until the count reaches 4, then ends.
        return new StateGraph<Tally>()
                .addNode("a", counting("a"))
                .addNode("b", b)
                .addNode("c", counting("c"))
                .addEdge("a", "b")
                .addEdge("b", "c")
                .addConditionalEdges("c", s -> s.count() < 4 ? "more" : "enough",
                        routes("more", "b", "enough", StateGraph.END))
                .setEntryPoint("a");
    }

    @Test
    void checkpointIsSavedAfterEveryStepWithNodeJustRunAndNextNode() throws Exception {
        InMemoryCheckpointer<Tally> saver = new InMemoryCheckpointer<>();
        GraphRun<Tally> run = await(abcLoop(counting("b"))
                .compile(GraphOptions.<Tally>defaults().withCheckpointer(saver)).invoke("job-1", ZERO));

        assertThat(run.state().log()).containsExactly("a", "b", "c", "b", "c");
        List<Checkpoint<Tally>> history = saver.history("job-1");
        assertThat(history).extracting(Checkpoint::step).containsExactly(1, 2, 3, 4, 5);
        assertThat(history).extracting(Checkpoint::nodeJustRun).containsExactly("a", "b", "c", "b", "c");
        assertThat(history).extracting(Checkpoint::nextNode).containsExactly("b", "c", "b", "c", StateGraph.END);
        assertThat(history.get(2).state().log()).containsExactly("a", "b", "c");
        assertThat(history).allSatisfy(cp -> assertThat(cp.threadId()).isEqualTo("job-1"));
        assertThat(saver.history("other")).isEmpty();
    }

    @Test
    void resumeContinuesFromTheLatestCheckpointWithoutRepeatingDoneSteps() throws Exception {
        InMemoryCheckpointer<Tally> saver = new InMemoryCheckpointer<>();
        AtomicBoolean crash = new AtomicBoolean(true);
        AtomicInteger bRuns = new AtomicInteger();
        Node<Tally> flakyB = s -> {
            bRuns.incrementAndGet();
            if (crash.get() && s.count() == 3) { // dies on its second visit, like a node whose host went away
                throw new IllegalStateException("host lost");
            }
            return CompletableFuture.completedFuture(s.plus("b"));
        };
        GraphOptions<Tally> options = GraphOptions.<Tally>defaults().withCheckpointer(saver);

        GraphRun<Tally> first = await(abcLoop(flakyB).compile(options).invoke("job-2", ZERO));
        assertThat(first.outcome()).isEqualTo(GraphRun.Outcome.FAILED);
        assertThat(first.lastNode()).isEqualTo("b");
        assertThat(saver.history("job-2")).hasSize(3);

        // A fresh graph (as after a restart) with the same checkpoints picks up at the node that was in flight.
        crash.set(false);
        GraphRun<Tally> resumed = await(abcLoop(flakyB).compile(options).resume("job-2"));

        assertThat(resumed.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(resumed.records()).extracting(StepRecord::node).containsExactly("b", "c");
        assertThat(resumed.records()).extracting(StepRecord::step).containsExactly(4, 5);
        assertThat(resumed.steps()).isEqualTo(5);
        assertThat(resumed.state().log()).containsExactly("a", "b", "c", "b", "c");
        assertThat(bRuns).hasValue(3);

        GraphRun<Tally> again = await(abcLoop(flakyB).compile(options).resume("job-2"));
        assertThat(again.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(again.records()).isEmpty();
        assertThat(bRuns).hasValue(3);
    }

    @Test
    void resumeOfAnUnknownThreadFails() {
        CompiledGraph<Tally> graph = countTo(2).compile(GraphOptions.<Tally>defaults()
                .withCheckpointer(new InMemoryCheckpointer<>()));
        assertThatThrownBy(() -> await(graph.resume("nobody")))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no checkpoint for thread 'nobody'");
    }

    @Test
    void asyncNodesAndSavesCompleteOnOtherThreadsAndEachSaveIsAwaited() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "graph-worker"));
        try {
            List<Checkpoint<Tally>> saved = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean overtaken = new AtomicBoolean();
            Checkpointer<Tally> slowSaver = new Checkpointer<>() {
                @Override
                public CompletionStage<Void> save(Checkpoint<Tally> cp) {
                    return CompletableFuture.runAsync(() -> {
                        sleep(20);
                        saved.add(cp);
                    }, pool);
                }

                @Override
                public CompletionStage<Optional<Checkpoint<Tally>>> latest(String threadId) {
                    return CompletableFuture.completedFuture(Optional.empty());
                }
            };
            Node<Tally> async = s -> CompletableFuture.supplyAsync(() -> {
                if (saved.size() != s.count()) { // the previous step's checkpoint must be saved by now
                    overtaken.set(true);
                }
                sleep(5);
                return s.plus(Thread.currentThread().getName());
            }, pool);
            CompiledGraph<Tally> graph = new StateGraph<Tally>()
                    .addNode("work", async)
                    .addConditionalEdges("work", s -> s.count() < 4 ? "again" : "done",
                            Map.of("again", "work", "done", StateGraph.END))
                    .setEntryPoint("work")
                    .compile(new GraphOptions<>(10, slowSaver));

            CompletableFuture<GraphRun<Tally>> pending = graph.invoke("async", ZERO).toCompletableFuture();
            assertThat(pending).isNotDone();
            GraphRun<Tally> run = await(pending);

            assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
            assertThat(run.state().log()).hasSize(4).allMatch(name -> name.equals("graph-worker"));
            assertThat(saved).extracting(Checkpoint::step).containsExactly(1, 2, 3, 4);
            assertThat(overtaken).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failingNodeEndsTheRunWithItsCause() throws Exception {
        IllegalArgumentException boom = new IllegalArgumentException("bad input");
        CompiledGraph<Tally> async = new StateGraph<Tally>()
                .addNode("ok", counting("ok"))
                .addNode("bad", s -> CompletableFuture.supplyAsync(() -> {
                    throw boom;
                }))
                .addEdge("ok", "bad")
                .addEdge("bad", StateGraph.END)
                .setEntryPoint("ok")
                .compile(GraphOptions.defaults());

        GraphRun<Tally> run = await(async.invoke("f", ZERO));

        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.FAILED);
        assertThat(run.error()).isSameAs(boom);
        assertThat(run.lastNode()).isEqualTo("bad");
        assertThat(run.steps()).isEqualTo(1);
        assertThat(run.state().log()).containsExactly("ok");

        CompiledGraph<Tally> throwing = new StateGraph<Tally>()
                .addNode("bad", s -> {
                    throw new UnsupportedOperationException("thrown, not returned");
                })
                .addEdge("bad", StateGraph.END)
                .setEntryPoint("bad")
                .compile(GraphOptions.defaults());
        GraphRun<Tally> thrown = await(throwing.invoke("g", ZERO));
        assertThat(thrown.outcome()).isEqualTo(GraphRun.Outcome.FAILED);
        assertThat(thrown.error()).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("thrown, not returned");
        assertThat(thrown.steps()).isZero();
    }

    @Test
    void mermaidDrawsTheDefinition() {
        String chart = abcLoop(counting("b")).compile(GraphOptions.defaults()).mermaid();

        assertThat(chart).isEqualTo("""
                flowchart TD
                    __start__([start])
                    a[a]
                    b[b]
                    c[c]
                    __end__([end])
                    __start__ --> a
                    a --> b
                    b --> c
                    c -.->|more| b
                    c -.->|enough| __end__
                """);
    }

    private static Map<String, String> routes(String... labelsAndTargets) {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        for (int i = 0; i < labelsAndTargets.length; i += 2) {
            ordered.put(labelsAndTargets[i], labelsAndTargets[i + 1]);
        }
        return ordered;
    }

    @Test
    void mermaidSortsUnorderedRoutesAndGivesOddNamesNeutralIds() {
        String chart = new StateGraph<Tally>()
                .addNode("end", counting("end"))
                .addNode("write answer", counting("w"))
                .addConditionalEdges("end", s -> "z", Map.of("z", "write answer", "a", StateGraph.END, "m", "end"))
                .addEdge("write answer", StateGraph.END)
                .setEntryPoint("end")
                .compile(GraphOptions.defaults()).mermaid();

        assertThat(chart).contains("    node0[end]\n", "    node1[write answer]\n", "__start__ --> node0\n",
                "    node0 -.->|a| __end__\n    node0 -.->|m| node0\n    node0 -.->|z| node1\n",
                "    node1 --> __end__\n");
    }

    /** A checkpointer whose saves complete only when the test says so, in the order they were asked for. */
    private static final class HeldSaves implements Checkpointer<Tally> {
        final List<Checkpoint<Tally>> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<CompletableFuture<Void>> pending = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public CompletionStage<Void> save(Checkpoint<Tally> cp) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            asked.add(cp);
            pending.add(f);
            return f;
        }

        @Override
        public CompletionStage<Optional<Checkpoint<Tally>>> latest(String threadId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    @Test
    void asyncDurabilityRunsAheadOfItsSavesKeepsThemInOrderAndEndsOnlyWhenTheLastIsSaved() throws Exception {
        HeldSaves saver = new HeldSaves();
        CompletableFuture<GraphRun<Tally>> pending = countTo(4)
                .compile(new GraphOptions<>(10, saver).withDurability(GraphOptions.Durability.ASYNC))
                .invoke("a", ZERO).toCompletableFuture();

        // every step ran with no save completed, but the saves are chained: only the first has been asked for
        assertThat(saver.asked).extracting(Checkpoint::step).containsExactly(1);
        assertThat(pending).isNotDone();
        for (int i = 0; i < 4; i++) {
            saver.pending.get(i).complete(null);
            assertThat(saver.asked).hasSize(i + 1 < 4 ? i + 2 : 4);
            assertThat(pending.isDone()).isEqualTo(i == 3);
        }
        GraphRun<Tally> run = await(pending);
        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(run.state().count()).isEqualTo(4);
        assertThat(saver.asked).extracting(Checkpoint::step).containsExactly(1, 2, 3, 4);
    }

    @Test
    void syncDurabilityWaitsForEachSaveBeforeTheNextStep() throws Exception {
        HeldSaves saver = new HeldSaves();
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<GraphRun<Tally>> pending = new StateGraph<Tally>()
                .addNode("inc", s -> {
                    ran.incrementAndGet();
                    return CompletableFuture.completedFuture(s.plus("inc"));
                })
                .addConditionalEdges("inc", s -> s.count() < 3 ? "again" : "done", Map.of("again", "inc", "done", StateGraph.END))
                .setEntryPoint("inc")
                .compile(new GraphOptions<>(10, saver))
                .invoke("s", ZERO).toCompletableFuture();

        assertThat(ran).hasValue(1);
        saver.pending.get(0).complete(null);
        assertThat(ran).hasValue(2);
        saver.pending.get(1).complete(null);
        saver.pending.get(2).complete(null);
        assertThat(await(pending).outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
    }

    @Test
    void asyncDurabilityFailsTheRunWhenASaveFails() throws Exception {
        HeldSaves saver = new HeldSaves();
        CompletableFuture<GraphRun<Tally>> pending = countTo(4)
                .compile(new GraphOptions<>(10, saver).withDurability(GraphOptions.Durability.ASYNC))
                .invoke("f", ZERO).toCompletableFuture();
        saver.pending.get(0).completeExceptionally(new IllegalStateException("disk full"));

        GraphRun<Tally> run = await(pending);
        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.FAILED);
        assertThat(run.error()).hasMessage("disk full");
        assertThat(saver.asked).hasSize(1); // later saves never overtake a failed one
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
