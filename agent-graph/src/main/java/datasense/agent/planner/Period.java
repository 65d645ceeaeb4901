package datasense.agent.planner;

import java.time.LocalDate;

/**
 * A span of calendar days [start, end] read from a question ("Q3 2017", "March", "last 3 months"), with the
 * words it was read from and, when it was resolved against the latest date in the data, that date.
 */
record Period(LocalDate start, LocalDate end, String words, LocalDate anchor) {

    /** How it reads: "from 2017-07-01 to 2017-09-30", or for one day "on 1960-12-10". */
    String span() {
        return start.equals(end) ? "on " + start : "from " + start + " to " + end;
    }

    static Period year(int y, String words) {
        return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), words, null);
    }

    static Period quarter(int y, int q, String words) {
        LocalDate s = LocalDate.of(y, 3 * (q - 1) + 1, 1);
        return new Period(s, s.plusMonths(3).minusDays(1), words, null);
    }

    static Period month(int y, int m, String words) {
        LocalDate s = LocalDate.of(y, m, 1);
        return new Period(s, s.plusMonths(1).minusDays(1), words, null);
    }
}
