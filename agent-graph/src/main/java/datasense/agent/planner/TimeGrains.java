package datasense.agent.planner;

/**
 * Time grains of a clause: adjectives ("monthly", "annual"), nouns after a group word ("by year", "per
 * quarter", "over the months"), and "year over year". The first grain found is the clause's.
 */
final class TimeGrains {

    private TimeGrains() {
    }

    private static final java.util.Set<String> BIN_WORDS = java.util.Set.of("bin", "bins", "binned", "binning",
            "bucket", "bucketed", "bucketing", "group", "grouped", "grouping", "aggregate", "aggregated");

    static void read(Clause c) {
        cyclical(c);
        binning(c);
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            Token t = c.token(i);
            Grain g = Vocabulary.GRAIN_ADJECTIVES.get(t.norm());
            boolean viaNoun = false;
            if (g == null && Vocabulary.GRAIN_NOUNS.containsKey(t.singular()) && !t.singular().equals("date")) {
                String before = c.w(i - 1);
                if (Vocabulary.GROUP_WORDS.contains(before) || before.equals("a") || before.equals("the")
                        || (before.equals("over") && t.norm().endsWith("s"))) {
                    g = Vocabulary.GRAIN_NOUNS.get(t.singular());
                    viaNoun = true;
                    c.mark(i - 1);
                } else if (c.w(i + 1).equals("over") && c.w(i + 2).equals(t.norm())) {
                    g = Vocabulary.GRAIN_NOUNS.get(t.singular()); // "year over year"
                    c.mark(i + 1);
                    c.mark(i + 2);
                }
            }
            if (g == null) {
                continue;
            }
            c.mark(i);
            if (c.grain == null) {
                c.grain = g;
                c.grainAdjectiveAt = viaNoun ? -1 : i;
            }
            if (viaNoun && c.w(i - 2).equals("for")) {
                c.mark(i - 2);
            }
            if (c.w(i + 1).equals("interval") || c.w(i + 1).equals("intervals")) {
                c.mark(i + 1);
            }
        }
    }

    /** "day of the week", "weekday", "month of the year", "hour of the day": the cyclical parts of a date. */
    private static void cyclical(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            String w = c.token(i).singular();
            Grain g = null;
            int end = i + 1;
            if (w.equals("weekday") || w.equals("dow")) {
                g = Grain.WEEKDAY;
            } else if ((w.equals("hour") || w.equals("time")) && (c.w(i + 1).equals("of") && c.w(c.w(i + 2).equals("the") ? i + 3 : i + 2).equals("day"))) {
                g = Grain.HOUR_OF_DAY; // "hour of the day", "time of day"
                end = (c.w(i + 2).equals("the") ? i + 3 : i + 2) + 1;
            } else if (w.equals("hour") && Vocabulary.GROUP_WORDS.contains(c.w(i - 1))) {
                g = Grain.HOUR_OF_DAY; // "by hour": people compare the hours of a day
            } else if ((w.equals("day") || w.equals("month")) && c.w(i + 1).equals("of")) {
                int k = c.w(i + 2).equals("the") ? i + 3 : i + 2;
                String of = c.w(k);
                if (w.equals("day") && of.equals("week")) {
                    g = Grain.WEEKDAY;
                    end = k + 1;
                } else if (w.equals("month") && of.equals("year")) {
                    g = Grain.MONTH_OF_YEAR;
                    end = k + 1;
                }
            }
            if (g == null || (g.timeOfDay() && c.index.timestamp(null) == null)) {
                continue; // no column holds a time of day: the words stay unexplained, and lower confidence
            }
            c.mark(i, end);
            if (Vocabulary.GROUP_WORDS.contains(c.w(i - 1))) {
                c.mark(i - 1);
            }
            if (c.grain == null) {
                c.grain = g;
            }
        }
    }

    /** "bin the hire date by month", "binning launch_date into year intervals": the words around a bucketing. */
    private static void binning(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i) || !BIN_WORDS.contains(c.w(i))) {
                continue;
            }
            for (int k = i + 1; k < Math.min(c.to, i + 8); k++) {
                Token t = c.token(k);
                boolean grainNext = Vocabulary.GRAIN_NOUNS.containsKey(c.token(k + 1) == null ? "" : c.token(k + 1).singular())
                        || Vocabulary.GRAIN_ADJECTIVES.containsKey(c.w(k + 1)) || c.w(k + 1).equals("weekday");
                if ((c.w(k).equals("by") || c.w(k).equals("into") || c.w(k).equals("per") || c.w(k).equals("in"))
                        && grainNext && c.m(k + 1) == null) {
                    c.mark(i);
                    c.mark(k, k + 2);
                    Grain g = c.w(k + 1).equals("weekday") ? Grain.WEEKDAY
                            : Vocabulary.GRAIN_ADJECTIVES.getOrDefault(c.w(k + 1),
                            Vocabulary.GRAIN_NOUNS.get(c.token(k + 1).singular()));
                    if (c.w(k + 2).equals("interval") || c.w(k + 2).equals("intervals")) {
                        c.mark(k + 2);
                    }
                    if (c.grain == null && g != null) {
                        c.grain = g;
                    }
                    break;
                }
                if (t == null || (c.m(k) == null && !c.w(k).equals("the") && !c.w(k).equals("it") && !c.w(k).equals("them"))) {
                    if (!(c.m(k) == null && c.w(k).equals("of"))) {
                        break;
                    }
                }
            }
        }
    }
}
