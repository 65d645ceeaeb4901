package datasense.agent.planner;

import java.util.List;

/**
 * How an answer is to be laid out, beyond what it computes: the order the question asked for, whether every
 * row is sorted rather than ranked ("highest first"), and whether a second grouping is drawn stacked.
 */
record Display(List<OrderKey> order, boolean sortAll, boolean stacked) {

    static final Display NONE = new Display(List.of(), false, false);

    Display {
        order = List.copyOf(order);
    }

    static Display of(Clause c) {
        return new Display(c.order, c.sortAll, c.stacked);
    }

    boolean ordered() {
        return !order.isEmpty();
    }
}
