package datasense.tools.profile;

import datasense.tools.profile.ColumnStats.ValueCount;
import datasense.tools.profile.TableProfile.Alert;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality alerts of a profile, from its numbers alone (no query). Each rule and its threshold is here, so
 * the README's list and the code can be checked against each other.
 */
final class ProfileAlerts {

    static final double HIGH_MISSING_PCT = 20;
    static final double NEAR_CONSTANT_PCT = 95;
    static final double SKEW = 3;
    static final double ZEROS_PCT = 10;
    static final long HIGH_CARDINALITY = 1000;
    static final double HIGH_CARDINALITY_PCT = 50;
    /** A text column is of mixed types when between these shares of its values read as numbers. */
    static final double MIXED_LOW = 0.05;
    static final double MIXED_HIGH = 0.95;

    private ProfileAlerts() {
    }

    static List<Alert> of(List<ColumnStats> columns, long rows, long duplicates) {
        List<Alert> alerts = new ArrayList<>();
        if (duplicates > 0) {
            alerts.add(new Alert(null, "duplicates", duplicates + " rows (" + TableProfiler.pct(duplicates, rows)
                    + "%) repeat an earlier row in every column"));
        }
        for (ColumnStats c : columns) {
            column(c, rows, alerts);
        }
        return alerts;
    }

    private static void column(ColumnStats c, long rows, List<Alert> alerts) {
        String name = c.name();
        long present = rows - c.missing();
        if (c.missingPct() >= HIGH_MISSING_PCT) {
            alerts.add(new Alert(name, "high_missing", c.missingPct() + "% of values are missing"));
        }
        if (present == 0) {
            return;
        }
        if (c.distinct() == 1) {
            alerts.add(new Alert(name, "constant", "every present value is "
                    + (c.topValues() == null || c.topValues().isEmpty() ? "the same" : "'" + c.topValues().get(0).value() + "'")));
        } else if (c.topValues() != null && !c.topValues().isEmpty() && c.topValues().get(0).pct() >= NEAR_CONSTANT_PCT) {
            ValueCount top = c.topValues().get(0);
            alerts.add(new Alert(name, "near_constant", top.pct() + "% of present values are '" + top.value() + "'"));
        }
        if (c.distinct() == present && present > 1) {
            alerts.add(new Alert(name, "unique", "every value is different"));
        } else if (c.text() != null && c.distinct() >= HIGH_CARDINALITY && c.distinctPct() >= HIGH_CARDINALITY_PCT) {
            alerts.add(new Alert(name, "high_cardinality", c.distinct() + " distinct values (" + c.distinctPct()
                    + "% of present values): more an identifier or free text than a category"));
        }
        if (c.numbers() != null) {
            numbers(c, present, alerts);
        }
        if (c.text() != null) {
            double numeric = (double) c.text().numeric() / present;
            if (numeric >= MIXED_LOW && numeric <= MIXED_HIGH) {
                alerts.add(new Alert(name, "mixed_types", c.text().numeric() + " of " + present
                        + " values read as numbers, the others not"));
            }
        }
        if (c.dates() != null && c.dates().future() > 0) {
            alerts.add(new Alert(name, "future_dates", c.dates().future() + " values lie after today (latest "
                    + c.dates().max() + ")"));
        }
    }

    private static void numbers(ColumnStats c, long present, List<Alert> alerts) {
        ColumnStats.NumberStats n = c.numbers();
        if (n.skewness() != null && Math.abs(n.skewness()) >= SKEW && c.distinct() > 2) {
            alerts.add(new Alert(c.name(), "skewed", "skewness " + n.skewness() + ": mean " + n.mean() + ", median " + n.median()));
        }
        double zeros = TableProfiler.pct(n.zeros(), present);
        if (zeros >= ZEROS_PCT && c.distinct() > 1) {
            alerts.add(new Alert(c.name(), "zeros", zeros + "% of values are 0: check that 0 does not stand for missing"));
        }
        for (ValueCount s : n.sentinels()) {
            alerts.add(new Alert(c.name(), "sentinel", s.count() + " values are " + s.value()
                    + ", at the edge of the range: a code for missing or unknown?"));
        }
    }
}
