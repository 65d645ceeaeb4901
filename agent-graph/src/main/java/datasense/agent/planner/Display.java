package datasense.agent.planner;

import java.util.List;

/**
 * How an answer is to be laid out, beyond what it computes: the order the question asked for, whether every
 * row is sorted rather than ranked ("highest first"), whether a second grouping is drawn stacked, and whether
 * a single winner keeps its ties ("which region has the most": every region sharing the top value), and a
 * histogram's bins when asked ("20 bins", "bins 250 wide"; 0 when not), and the grouping a ranking restarts in
 * ("top 3 products in each region": {@code rankWithin} is region; null when the ranking is over all groups).
 */
record Display(List<OrderKey> order, boolean sortAll, boolean stacked, boolean ties, int bins, double binWidth,
               Grouping rankWithin) {

    static final Display NONE = new Display(List.of(), false, false, false, 0, 0, null);

    Display {
        order = List.copyOf(order);
    }

    static Display of(Clause c) {
        return new Display(c.order, c.sortAll, c.stacked, c.ties, c.bins, c.binWidth, c.rankWithin);
    }

    boolean ordered() {
        return !order.isEmpty();
    }
}
