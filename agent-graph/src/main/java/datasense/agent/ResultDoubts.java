package datasense.agent;

import datasense.tools.Column;
import datasense.tools.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the results themselves say against the reading the planner chose, found after the steps ran. Two signs
 * an analyst would stop at: a filtered query that matched no row (the question likely names a value or a column
 * differently), and a grouped count in which every group holds exactly one row (the grouping tells nothing
 * apart, so it is rarely what was asked). Each doubt halves the answer's confidence and is said in the answer.
 */
public final class ResultDoubts {

    /** The factor applied to confidence for each doubt. */
    static final double FACTOR = 0.5;

    private ResultDoubts() {
    }

    /** The doubts raised by the successful steps' first tables, in step order. */
    public static List<String> of(List<StepState> steps) {
        List<String> out = new ArrayList<>();
        for (StepState s : steps) {
            if (s.status() != StepState.Status.OK || s.output() == null || s.output().tables().isEmpty()) {
                continue;
            }
            Table t = s.output().tables().get(0);
            String sql = String.join(" ", s.output().sql()).toUpperCase(Locale.ROOT);
            if (t.totalRows() == 0 && (sql.contains(" WHERE ") || sql.contains(" HAVING "))) {
                out.add("no row matches the conditions of '" + s.step().intent()
                        + "'; the question may name a value or a column differently");
            } else if (onePerGroup(t)) {
                out.add("every group of '" + s.step().intent() + "' holds a single row, so the counts tell"
                        + " nothing apart; the grouping may not be what was asked");
            }
        }
        return out;
    }

    /** A grouped result of at least three groups whose only measure is a count equal to 1 in every group. */
    private static boolean onePerGroup(Table t) {
        if (t.rows().size() < 3 || t.truncated() && t.rows().isEmpty()) {
            return false;
        }
        int counts = -1;
        int groups = 0;
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            String name = c.name().toLowerCase(Locale.ROOT);
            boolean count = c.numeric() && (name.equals("rows") || name.startsWith("count ")
                    || name.startsWith("distinct "));
            if (count) {
                if (counts >= 0) {
                    return false; // several measures: not the degenerate one-count shape
                }
                counts = i;
            } else {
                groups++;
            }
        }
        if (counts < 0 || groups == 0) {
            return false;
        }
        for (List<Object> row : t.rows()) {
            Object v = row.get(counts);
            if (!(v instanceof Number n) || n.doubleValue() != 1) {
                return false;
            }
        }
        return true;
    }
}
