package datasense.agent;

import datasense.tools.Column;
import datasense.tools.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the results themselves say against the reading the planner chose, found after the steps ran. Signs an
 * analyst would stop at: a filtered query that matched no row (the question likely names a value or a column
 * differently); a grouping in which every group holds exactly one row (the grouping tells nothing apart, so it
 * is rarely what was asked); a measure that came out empty (no number to answer with); and a "the most" that
 * several rows share (the question asked for one). Each doubt halves the answer's confidence and is said in
 * the answer.
 */
public final class ResultDoubts {

    /** The factor applied to confidence for each doubt. */
    static final double FACTOR = 0.5;

    private ResultDoubts() {
    }

    /** The doubts raised by the successful steps' first tables, in step order; {@code tableRows} is the data's. */
    public static List<String> of(List<StepState> steps, long tableRows) {
        List<String> out = new ArrayList<>();
        for (StepState s : steps) {
            if (s.status() != StepState.Status.OK || s.output() == null || s.output().tables().isEmpty()) {
                continue;
            }
            Table t = s.output().tables().get(0);
            String sql = String.join(" ", s.output().sql()).toUpperCase(Locale.ROOT);
            boolean filtered = sql.contains(" WHERE ") || sql.contains(" HAVING ");
            if (t.totalRows() == 0 && filtered || filtered && zeroCount(t, sql)) {
                out.add("no row matches the conditions of '" + s.step().intent()
                        + "'; the question may name a value or a column differently");
            } else if (onePerGroup(t) || sql.contains(" GROUP BY ") && !filtered && tableRows >= 3
                    && t.totalRows() == tableRows && groupedByLabels(t, sql)) {
                out.add("every group of '" + s.step().intent() + "' holds a single row, so the grouping tells"
                        + " nothing apart; it may not be what was asked");
            } else if (emptyMeasure(t)) {
                out.add("'" + s.step().intent() + "' found no value to compute with in the rows it read");
            } else if (sql.contains(" QUALIFY RANK() OVER") && !sql.contains("PARTITION BY") && t.totalRows() > 1
                    && t.totalRows() <= 10 && !sql.contains(" LIMIT ")) {
                out.add(t.totalRows() + " rows share the first place in '" + s.step().intent()
                        + "'; the question asked for one");
            }
        }
        return out;
    }

    /** Words of SQL that group by a period of time, where one row per period is the data's normal shape. */
    private static final List<String> TIME_FUNCTIONS = List.of("STRFTIME(", "DATE_TRUNC(", "YEAR(", "QUARTER(",
            "DAYOFWEEK(", "DAYNAME(", "MONTH(", "HOUR(", "MONTHNAME(");

    /** True when the result is grouped by text labels only, not by time or by numbers such as a year. */
    private static boolean groupedByLabels(Table t, String sql) {
        if (TIME_FUNCTIONS.stream().anyMatch(sql::contains)) {
            return false;
        }
        return t.columns().stream().anyMatch(c -> !c.numeric() && !c.temporal());
    }

    /** A single-row result whose every numeric column is null: the aggregate had nothing to work on. */
    /**
     * A count that came out 0 under conditions: the one-row form of "no row matches" (a count always returns its row).
     * A true 0 is a rare answer to "how many ..."; a condition read from a value or a column the question names
     * differently is the common cause.
     */
    private static boolean zeroCount(Table t, String sql) {
        return t.rows().size() == 1 && t.columns().size() == 1 && sql.contains("COUNT(")
                && t.rows().get(0).get(0) instanceof Number n && n.doubleValue() == 0;
    }

    private static boolean emptyMeasure(Table t) {
        if (t.rows().size() != 1) {
            return false;
        }
        boolean measured = false;
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).numeric()) {
                measured = true;
                if (t.rows().get(0).get(i) != null) {
                    return false;
                }
            }
        }
        return measured;
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
