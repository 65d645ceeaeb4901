package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/**
 * One key of an order the question asked for explicitly ("sorted by name", "order by the y axis descending",
 * "highest first"): a named column, the measure, or a chart axis, and its direction. An asked order is
 * honoured exactly; without one, answers keep their default order.
 */
record OrderKey(Target target, ColumnProfile column, boolean descending) {

    /** What the key sorts by. */
    enum Target { COLUMN, MEASURE, X, Y }

    String describe() {
        String what = switch (target) {
            case COLUMN -> column.name();
            case MEASURE -> "the measure";
            case X -> "the x axis";
            case Y -> "the y axis";
        };
        return what + (descending ? " descending" : " ascending");
    }
}
