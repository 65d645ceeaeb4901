package datasense.agent.planner;

import java.util.Map;

/** Small numbers and ordinals written as words: "top five", "the three lowest", "third quarter". */
final class NumberWords {

    private static final Map<String, Integer> CARDINALS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("fifty", 50),
            Map.entry("hundred", 100), Map.entry("dozen", 12));

    private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "1st", 1, "second", 2, "2nd", 2,
            "third", 3, "3rd", 3, "fourth", 4, "4th", 4, "last", -1);

    private NumberWords() {
    }

    /** The value of a cardinal word ("five" -> 5), or null. */
    static Integer value(String word) {
        return CARDINALS.get(word);
    }

    /** The value of an ordinal word ("third" -> 3, "last" -> -1), or null. */
    static Integer ordinal(String word) {
        return ORDINALS.get(word);
    }

    /** A whole number at token i, as digits or a cardinal word, or null. */
    static Integer at(Clause c, int i) {
        if (i < c.from || i >= c.to) {
            return null;
        }
        Token t = c.token(i);
        if (t.isNumber()) {
            String n = t.norm();
            if (n.contains(".") || n.startsWith("-") || n.length() > 6) {
                return null;
            }
            return Integer.parseInt(n);
        }
        return c.m(i) == null ? value(t.norm()) : null;
    }
}
