package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places in a result column written as ordinals ("1st", "2nd", "5th", "DNF"), as tables of races and contests
 * hold them: "finished first" is the place 1st, "finished in the top 3" (or "at least 3rd", "3rd or better") any of
 * 1st, 2nd and 3rd; or in a column of
 * place numbers ("Pos", "Rank"): 1, and 1 to 3. Read only after a verb of placing, so "the first competition" stays
 * a matter of time.
 */
final class Placings {

    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,3})(st|nd|rd|th)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> ORDINAL_WORDS = Map.of("first", 1, "second", 2, "third", 3,
            "fourth", 4, "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8, "ninth", 9, "tenth", 10);
    /** Verbs of placing: "finished second", "came in third", "placed in the top 5". */
    private static final Set<String> PLACE_VERBS = Set.of("finish", "finished", "finishes", "finishing", "place",
            "placed", "placing", "came", "come", "comes", "end", "ended", "ends", "rank", "ranked", "ranks");
    /** Words that may stand between a verb of placing and its place: "finished in the top 3". */
    private static final Set<String> BETWEEN = Set.of("in", "the", "at", "up", "as", "a", "among", "within");

    private Placings() {
    }

    static void read(Clause c) {
        ColumnProfile col = placeColumn(c.index);
        if (col == null) {
            col = numberedPlace(c.index);
        }
        if (col == null) {
            return;
        }
        boolean numbered = col.column().numeric();
        placeBeforeItsWord(c, col);
        for (int i = c.from; i < c.to; i++) {
            // the verb may already be read: "ranked" names Rank, or asked for an order
            if (!PLACE_VERBS.contains(c.w(i))) {
                continue;
            }
            int k = i + 1;
            while (k < c.to && BETWEEN.contains(c.w(k)) && c.freeWord(k)) {
                k++;
            }
            // "finish at least in the top 3", "at worst in the top 5": the top, said as a floor
            if (c.w(k - 1).equals("at") && Set.of("least", "worst").contains(c.w(k)) && c.freeWord(k)) {
                int top = k + 1;
                while (top < c.to && BETWEEN.contains(c.w(top)) && c.freeWord(top)) {
                    top++;
                }
                if (c.w(top).equals("top")) {
                    k = top;
                }
            }
            if (c.w(k).equals("top") && c.freeWord(k)) {
                Integer n = NumberWords.at(c, k + 1);
                if (n != null && n >= 1 && n <= 20) {
                    top(c, col, i, k + 2, n);
                }
                continue;
            }
            // "placed at least 12th", "finished 5th or better": any place from the first to that one
            Integer atLeast = c.w(k - 1).equals("at") && c.w(k).equals("least") && c.freeWord(k) ? ordinal(c.w(k + 1)) : null;
            if (atLeast != null && atLeast <= 20) {
                top(c, col, i, k + 2, atLeast);
                continue;
            }
            Integer orBetter = c.w(k + 1).equals("or") && Set.of("better", "higher").contains(c.w(k + 2))
                    && c.freeWord(k + 2) && (c.freeWord(k) || c.m(k) != null && col.equals(c.m(k).column()))
                    ? ordinal(c.w(k)) : null;
            if (orBetter != null && orBetter <= 20) {
                top(c, col, i, k + 3, orBetter);
                continue;
            }
            Mention named = c.m(k);
            if (named != null && named.kind() == Mention.Kind.VALUE && named.column().equals(col)) {
                c.mark(i, k); // "finished 5th": the verb of the value 5th
                continue;
            }
            Integer place = k < c.to && c.freeWord(k) ? ordinal(c.w(k)) : null;
            if (place != null) {
                onePlace(c, col, i, c.w(k + 1).equals("place") ? k + 2 : k + 1, place);
            }
        }
    }

    /** Words an ordinal comes before to say a place: "the sixth ranked players", "in third place". */
    private static final Set<String> PLACE_WORDS = Set.of("ranked", "placed", "place", "seeded");

    /** "the sixth ranked players", "who finished in third place", "the 2nd placed team": the ordinal is the place. */
    private static void placeBeforeItsWord(Clause c, ColumnProfile col) {
        for (int i = c.from; i + 1 < c.to; i++) {
            Integer place = c.freeWord(i) ? ordinal(c.w(i)) : null;
            Mention word = c.m(i + 1);
            if (place == null || !PLACE_WORDS.contains(c.w(i + 1))
                    || word != null && !(word.isColumn() && word.column().equals(col))) {
                continue;
            }
            onePlace(c, col, i, word != null ? word.end() : i + 2, place);
        }
    }

    /** The place {@code place}, read from the words [from, end): "finished 5th", "in third place". */
    private static void onePlace(Clause c, ColumnProfile col, int from, int end, int place) {
        boolean numbered = col.column().numeric();
        c.addFilter(numbered ? Filter.of(col, "eq", java.math.BigDecimal.valueOf(place))
                : Filter.of(col, "starts_with", spelled(place)), from);
        c.mark(from, end);
        c.reading("'" + c.text(from, end) + "' read as " + col.name() + (numbered ? " = " + place : " " + spelled(place)));
    }

    /** Places 1 to {@code n}, read from the words [from, end): "in the top 3", "at least 12th". */
    private static void top(Clause c, ColumnProfile col, int from, int end, int n) {
        if (col.column().numeric()) {
            c.addFilter(Filter.of(col, "le", java.math.BigDecimal.valueOf(n)), from);
            c.reading("'" + c.text(from, end) + "' read as " + col.name() + " from 1 to " + n);
        } else {
            List<Filter> places = new ArrayList<>();
            for (int p = 1; p <= n; p++) {
                places.add(Filter.of(col, "starts_with", spelled(p)));
            }
            c.addFilter(places.size() == 1 ? places.get(0) : Filter.any(places), from);
            c.reading("'" + c.text(from, end) + "' read as " + col.name() + " from 1st to " + spelled(n));
        }
        c.mark(from, end);
    }

    /** The text column whose listed values are mostly ordinals, or null (none, or several). */
    static ColumnProfile placeColumn(SchemaIndex index) {
        ColumnProfile found = null;
        for (ColumnProfile col : index.schema.columns()) {
            if (col.column().numeric() || col.values() == null || col.values().size() < 3) {
                continue;
            }
            long ordinals = col.values().stream().filter(v -> v != null && ORDINAL.matcher(v.strip()).matches()).count();
            if (ordinals * 10 >= col.values().size() * 6) {
                if (found != null) {
                    return null;
                }
                found = col;
            }
        }
        return found;
    }

    /** Names of a whole-number column of places: "Pos", "Position", "Place", "Rank". */
    private static final Set<String> PLACE_NAMES = Set.of("pos", "position", "place", "placing", "rank", "finish");

    /** The one whole-number column named as a place ("Pos", "Rank"), or null. */
    private static ColumnProfile numberedPlace(SchemaIndex index) {
        List<ColumnProfile> named = index.schema.columns().stream()
                .filter(col -> col.type().toUpperCase(java.util.Locale.ROOT).contains("INT")
                        && !SchemaIndex.words(col.name()).isEmpty() && PLACE_NAMES.containsAll(SchemaIndex.words(col.name())))
                .toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    /** An ordinal's place: "third" or "3rd" -> 3, else null. */
    static Integer ordinal(String w) {
        Integer n = ORDINAL_WORDS.get(w);
        if (n != null) {
            return n;
        }
        Matcher m = ORDINAL.matcher(w);
        return m.matches() && m.group(0).length() == m.group(1).length() + 2 ? Integer.parseInt(m.group(1)) : null;
    }

    /** 1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd". */
    static String spelled(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
