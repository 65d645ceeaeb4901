package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.Set;

/**
 * Text matching: "zones that start with North", "titles beginning with 'The Night'", "names ending in 'son'",
 * "products whose name contains the letters 'Pro'", "books with 'Garden' in the title", and their negations
 * ("titles that do not contain 'the'"). Matching ignores case.
 * The column is the text column named before the verb (or after "in the"), else the rows' label column.
 */
final class TextFilters {

    private static final Set<String> STARTS = Set.of("start", "starts", "starting", "begin", "begins", "beginning",
            "began", "prefixed");
    private static final Set<String> ENDS = Set.of("end", "ends", "ending", "ended", "suffixed");
    private static final Set<String> CONTAINS = Set.of("contain", "contains", "containing", "include", "includes",
            "including", "mention", "mentions", "mentioning", "like", "matching", "match", "matches");
    /** Past forms, which match text only when it is quoted ("ended with 'son'"). */
    private static final Set<String> PAST = Set.of("ended", "began");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    /** Words between the verb and the text: "contains the letters 'Pro'", "starts with the word North". */
    private static final Set<String> FILLERS = Set.of("with", "in", "by", "the", "a", "an", "word", "words",
            "letter", "letters", "text", "string", "phrase", "substring", "characters", "prefix", "suffix");

    /** Words before a quoted text and "in" that ask for it inside a column: "with 'Pro' in the name", "have '1' in them". */
    private static final Set<String> HAVING = Set.of("with", "have", "has", "having", "had");
    /** Words after "in" that stand for the things asked about: "notations that have '1' in them". */
    private static final Set<String> PRONOUNS = Set.of("them", "it");

    /** Words before "like" that make it a likeness or a wish, not "matching". */
    private static final Set<String> LIKENESS = Set.of("look", "looks", "looked", "looking", "seem", "seems",
            "would", "i", "we", "you", "feel", "sound", "sounds");

    private TextFilters() {
    }

    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            String w = c.w(i);
            String op = STARTS.contains(w) ? "starts_with" : ENDS.contains(w) ? "ends_with"
                    : CONTAINS.contains(w) ? "contains" : null;
            if (op != null && w.equals("like") && LIKENESS.contains(c.w(c.prev(i)))) {
                continue; // "what does it look like", "I would like": no text to match
            }
            if (op != null) {
                verb(c, i, op);
            } else if (HAVING.contains(w) && c.token(i + 1) != null && c.token(i + 1).kind() == Token.Kind.QUOTED
                    && c.w(i + 2).equals("in")) {
                withInColumn(c, i); // "with 'Garden' in the title", "notations that have '1' in them"
            }
        }
    }

    private static void verb(Clause c, int i, String op) {
        int k = i + 1;
        boolean article = false;
        while (k < c.to && c.m(k) == null && !c.used[k] && FILLERS.contains(c.w(k))) {
            article |= ARTICLES.contains(c.w(k));
            k++;
        }
        if (k >= c.to) {
            return;
        }
        Token t = c.token(k);
        String text;
        int end;
        if (t.kind() == Token.Kind.QUOTED) {
            text = t.text().strip();
            end = k + 1;
        } else if ((t.isWord() || t.isNumber()) && !c.used[k] && (c.m(k) == null || c.m(k).kind() == Mention.Kind.VALUE)
                && !PAST.contains(c.w(i)) && (!article || t.isWord() && t.norm().length() == 1)) {
            // a letter is said with its article: "start with an s"
            // nor does "end in a hire": a spelling is written without an article ("names ending in son")
            // "ended in death", "began as a clerk" tell what happened, not how a text is spelled: those need quotes
            // an unquoted word or value: "start with North"
            end = c.m(k) != null ? c.m(k).end() : k + 1;
            text = c.text(k, end);
        } else {
            return;
        }
        ColumnProfile col = subject(c, i);
        if (col == null) {
            return;
        }
        int negation = negation(c, i);
        if (negation >= 0) {
            op = "not_" + op; // "titles that do not contain 'the'", "names not starting with A"
            c.mark(negation, i);
        }
        Filter filter = Filter.of(col, op, text);
        c.addFilter(filter, i);
        c.mark(i, end);
        c.reading(filter.describe() + ", ignoring case");
    }

    /** Words that negate the verb after them: "does not contain", "doesn't start", "never ends". */
    private static final Set<String> NEGATIONS = Set.of("not", "never", "doesn't", "don't", "didn't", "isn't",
            "aren't", "doesnt", "dont");
    /** Words that may stand between a negation and its verb: "does not contain", "not be starting". */
    private static final Set<String> AUXILIARIES = Set.of("does", "do", "did", "is", "are", "was", "were", "be");

    /** The position of a negation of the verb at i ("do not contain"), or -1. */
    private static int negation(Clause c, int verb) {
        for (int k = verb - 1; k >= Math.max(c.from, verb - 3); k--) {
            if (!c.freeWord(k)) {
                return -1;
            }
            if (NEGATIONS.contains(c.w(k))) {
                int first = k;
                while (first - 1 >= c.from && c.freeWord(first - 1) && AUXILIARIES.contains(c.w(first - 1))) {
                    first--;
                }
                return first;
            }
            if (!AUXILIARIES.contains(c.w(k))) {
                return -1;
            }
        }
        return -1;
    }

    private static void withInColumn(Clause c, int i) {
        int k = i + 3;
        while (k < c.to && Set.of("the", "a", "an", "their", "its", "his", "her").contains(c.w(k))) {
            k++; // "with 'Tech' in their name"
        }
        Mention m = k < c.to ? c.m(k) : null;
        ColumnProfile col;
        int end;
        if (m != null && m.isColumn() && !m.column().column().numeric()) {
            col = m.column();
            end = m.end();
        } else if (k == i + 3 && PRONOUNS.contains(c.w(k))) {
            col = subject(c, i); // "have '1' in them": the text of the things the question is about
            end = k + 1;
        } else {
            return;
        }
        if (col == null) {
            return;
        }
        String text = c.token(i + 1).text().strip();
        c.addFilter(Filter.of(col, "contains", text), i);
        c.mark(i, end);
        c.reading(col.name() + " contains '" + text + "', ignoring case");
    }

    /** The text column the verb is about: named just before it, after it ("in the title"), else the label. */
    private static ColumnProfile subject(Clause c, int verb) {
        for (int k = verb - 1; k >= Math.max(c.from, verb - 4); k--) {
            Mention m = c.m(k);
            if (m != null && m.kind() != Mention.Kind.VALUE) {
                ColumnProfile col = c.groupColumnOf(m);
                if (!col.column().numeric()) {
                    return col; // still listed or grouped: "zones that start with North"
                }
            }
        }
        return c.index.labelColumn();
    }
}
