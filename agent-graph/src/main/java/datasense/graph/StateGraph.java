package datasense.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The definition of a graph over a state type {@code S}: named nodes, plain edges (always go from A to B),
 * conditional edges (a {@link Router} picks a label from the state, {@code routes} maps it to the next node)
 * and an entry point. {@link #compile} checks the definition and returns the runnable graph.
 *
 * <p>Every node has exactly one way out: one plain edge or one set of conditional edges. A run ends when it
 * reaches {@link #END}.
 */
public final class StateGraph<S> {

    /** The pseudo-node a run ends at; use it as an edge target or a route. */
    public static final String END = "__end__";

    /** A node's conditional way out. */
    record Conditional<S>(Router<S> router, Map<String, String> routes) {
    }

    private final Map<String, Node<S>> nodes = new LinkedHashMap<>();
    private final Map<String, String> edges = new LinkedHashMap<>();
    private final Map<String, Conditional<S>> conditionals = new LinkedHashMap<>();
    // Problems found while building are reported together by compile(), so one run shows them all.
    private final List<String> problems = new ArrayList<>();
    private String entryPoint;

    public StateGraph<S> addNode(String name, Node<S> node) {
        Objects.requireNonNull(node, "node");
        if (name == null || name.isBlank()) {
            problems.add("a node has a blank name");
        } else if (name.equals(END)) {
            problems.add("'" + END + "' is reserved for the end of the graph and cannot be a node");
        } else if (nodes.putIfAbsent(name, node) != null) {
            problems.add("node '" + name + "' is added twice");
        }
        return this;
    }

    public StateGraph<S> addEdge(String from, String to) {
        if (hasWayOut(from)) {
            problems.add("node '" + from + "' already has an outgoing edge; add one edge or one set of conditional edges");
        } else {
            edges.put(from, to);
        }
        return this;
    }

    /**
     * After {@code from}, {@code router} picks a label and the run goes to {@code routes.get(label)}
     * (a node name or {@link #END}). Pass a {@link LinkedHashMap} to have {@link CompiledGraph#mermaid()} draw
     * the routes in your order; other maps are drawn sorted by label.
     */
    public StateGraph<S> addConditionalEdges(String from, Router<S> router, Map<String, String> routes) {
        Objects.requireNonNull(router, "router");
        if (hasWayOut(from)) {
            problems.add("node '" + from + "' already has an outgoing edge; add one edge or one set of conditional edges");
        } else {
            // An ordered map keeps its order (mermaid() draws routes as declared); others are sorted by label
            // so the drawing does not change from one JVM to the next (Map.of iterates in a random order).
            Map<String, String> kept = routes instanceof LinkedHashMap || routes instanceof SortedMap
                    ? new LinkedHashMap<>(routes) : new TreeMap<>(routes);
            conditionals.put(from, new Conditional<>(router, Collections.unmodifiableMap(kept)));
        }
        return this;
    }

    public StateGraph<S> setEntryPoint(String node) {
        this.entryPoint = node;
        return this;
    }

    /**
     * Checks the definition and returns the runnable graph.
     *
     * @throws IllegalStateException listing every problem: unknown nodes, nodes without a way out, unreachable
     *                               nodes, router labels without a route, no path to END
     */
    public CompiledGraph<S> compile(GraphOptions<S> options) {
        Objects.requireNonNull(options, "options");
        List<String> found = new ArrayList<>(problems);
        if (entryPoint == null) {
            found.add("no entry point; call setEntryPoint");
        } else if (!nodes.containsKey(entryPoint)) {
            found.add("entry point '" + entryPoint + "' is not a node");
        }
        edges.forEach((from, to) -> {
            if (!nodes.containsKey(from)) {
                found.add("edge " + from + " -> " + to + " starts at unknown node '" + from + "'");
            }
            if (!isTarget(to)) {
                found.add("edge " + from + " -> " + to + " goes to unknown node '" + to + "'");
            }
        });
        conditionals.forEach((from, c) -> {
            if (!nodes.containsKey(from)) {
                found.add("conditional edges start at unknown node '" + from + "'");
            }
            if (c.routes().isEmpty()) {
                found.add("conditional edges of '" + from + "' have no routes");
            }
            c.routes().forEach((label, to) -> {
                if (!isTarget(to)) {
                    found.add("route '" + label + "' of '" + from + "' goes to unknown node '" + to + "'");
                }
            });
            for (String label : c.router().labels()) {
                if (!c.routes().containsKey(label)) {
                    found.add("router of '" + from + "' can return label '" + label + "' which has no route (routes: "
                            + c.routes().keySet() + ")");
                }
            }
        });
        for (String name : nodes.keySet()) {
            if (!hasWayOut(name)) {
                found.add("node '" + name + "' has no outgoing edge; add an edge (to END if it is the last)");
            }
        }
        if (found.isEmpty()) {
            Set<String> reached = reachableFrom(entryPoint);
            List<String> unreachable = nodes.keySet().stream().filter(n -> !reached.contains(n)).toList();
            if (!unreachable.isEmpty()) {
                found.add("unreachable from entry point '" + entryPoint + "': " + unreachable);
            }
            if (!reached.contains(END)) {
                found.add("no path from entry point '" + entryPoint + "' reaches END");
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("invalid graph:\n - " + String.join("\n - ", found));
        }
        return new CompiledGraph<>(nodes, edges, conditionals, entryPoint, options);
    }

    private boolean hasWayOut(String node) {
        return edges.containsKey(node) || conditionals.containsKey(node);
    }

    private boolean isTarget(String name) {
        return END.equals(name) || nodes.containsKey(name);
    }

    private Set<String> reachableFrom(String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!seen.add(n) || END.equals(n)) {
                continue;
            }
            if (edges.containsKey(n)) {
                todo.push(edges.get(n));
            }
            Conditional<S> c = conditionals.get(n);
            if (c != null) {
                c.routes().values().forEach(todo::push);
            }
        }
        return seen;
    }
}
