package datasense.agent.planner;

import datasense.agent.PlanStep;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline planner's word accounting applied to a plan someone else wrote (the model's): every column and
 * value the question names, every number and every operator word (negation, OR, comparison, text matching,
 * order, aggregate) must show in the plan's arguments or SQL, or it is unexplained and lowers the plan's
 * confidence by its kind's factor. A model's plan is thereby judged on what it does, never on what it says.
 */
final class PlanAccounting {

    private PlanAccounting() {
    }

    /** One family of operator words and the plan text that shows the operator was applied. */
    private record OperatorFamily(Set<String> words, Pattern applied) {
    }

    private static final List<OperatorFamily> FAMILIES = List.of(
            new OperatorFamily(Set.of("not", "no", "non", "never", "without", "except", "excluding", "exclude",
                    "besides", "other"), Pattern.compile("\\bnot\\b|!=|<>|\\bexcept\\b|\"not_in\"|\"ne\"")),
            new OperatorFamily(Set.of("or", "either"), Pattern.compile("\\bor\\b|\\bin\\s*\\(|\"in\"|\"any\"")),
            new OperatorFamily(Set.of("above", "below", "under", "over", "more", "less", "fewer", "greater",
                    "least", "exceeding", "exceeds", "between", "than", "after", "before", "since", "until"),
                    Pattern.compile("[<>]|\\bbetween\\b|\"(gt|gte|lt|lte|ge|le)\"|\\blimit\\b")),
            new OperatorFamily(Set.of("contain", "contains", "containing", "start", "starts", "starting", "end",
                    "ends", "ending", "letters"),
                    Pattern.compile("\\blike\\b|\\bilike\\b|contains|starts_with|ends_with|prefix|suffix|regexp")),
            new OperatorFamily(Set.of("sort", "sorted", "order", "ordered", "ascending", "descending", "asc", "desc",
                    "rank", "ranked", "highest", "lowest", "top", "bottom", "most", "fewest", "largest",
                    "smallest"), Pattern.compile("\\border\\s+by\\b|\\bmax\\(|\\bmin\\(|\\blimit\\b|\"sort|\"top"
                    + "|\\brank\\(|\\barg_?max|\\barg_?min")),
            new OperatorFamily(Set.of("average", "avg", "mean"), Pattern.compile("\\bavg\\(|\\bmean\\b|average")),
            new OperatorFamily(Set.of("total", "sum"), Pattern.compile("\\bsum\\(|\\btotal|\"sum\"")),
            new OperatorFamily(Set.of("count", "many", "number"),
                    Pattern.compile("\\bcount\\(|\"count\"|\\bcount_|distribution|value_counts")),
            new OperatorFamily(Set.of("distinct", "unique", "different"),
                    Pattern.compile("\\bdistinct\\b|\\bunique\\b|\\bgroup\\s+by\\b")),
            new OperatorFamily(Set.of("median"), Pattern.compile("\\bmedian|quantile|percentile")));

    /**
     * The parts of {@code question} that {@code steps} do not reflect, in question order: named columns and
     * values as mentions, numbers and operator words as operators.
     */
    static List<Unexplained> unexplained(String question, SchemaInfo schema, List<PlanStep> steps) {
        StringBuilder text = new StringBuilder();
        for (PlanStep s : steps) {
            text.append(s.tool()).append(' ').append(s.args()).append('\n');
        }
        String plan = text.toString().toLowerCase(Locale.ROOT).replace("\\\"", "\"");
        LinkedQuestion q = SchemaLinker.link(question, schema);
        Set<Unexplained> out = new LinkedHashSet<>();
        for (int i = 0; i < q.size(); i++) {
            Mention m = q.mentionAt()[i];
            Token t = q.token(i);
            if (m != null) {
                if (i == m.start() && !reflected(m, plan)) {
                    out.add(new Unexplained(span(q, m), Unexplained.Kind.MENTION));
                }
                continue;
            }
            if (t.isNumber() && !numberShown(t.norm(), plan)) {
                out.add(new Unexplained(t.text(), Unexplained.Kind.OPERATOR));
            } else if (t.isWord()) {
                for (OperatorFamily f : FAMILIES) {
                    if (f.words().contains(t.norm()) && !f.applied().matcher(plan).find()) {
                        out.add(new Unexplained(t.text(), Unexplained.Kind.OPERATOR));
                        break;
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** {@code base} lowered once per unexplained part by its kind's factor. */
    static double confidence(double base, List<Unexplained> parts) {
        double c = base;
        for (Unexplained u : parts) {
            c *= u.kind().factor;
        }
        return Math.round(c * 100) / 100.0;
    }

    private static boolean reflected(Mention m, String plan) {
        return switch (m.kind()) {
            case COLUMN -> plan.contains(m.column().name().toLowerCase(Locale.ROOT));
            case VALUE -> plan.contains(m.value().toLowerCase(Locale.ROOT).replace("'", "''"))
                    || plan.contains(m.value().toLowerCase(Locale.ROOT));
            case ENTITY -> true; // an entity ("orders") is a way of counting, judged by the count words
        };
    }

    /** True when the number, or the same value written another way (5 as 5.0, 1,000 as 1000), is in the plan. */
    private static boolean numberShown(String number, String plan) {
        String plain = number.replace(",", "");
        if (Pattern.compile("(?<![\\d.])" + Pattern.quote(plain) + "(?![\\d])").matcher(plan).find()) {
            return true;
        }
        try {
            double v = Double.parseDouble(plain);
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return plan.contains(String.valueOf((long) v)) || plan.contains((long) v + ".0");
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return false;
    }

    private static String span(LinkedQuestion q, Mention m) {
        List<String> words = new ArrayList<>();
        for (int i = m.start(); i < m.end(); i++) {
            words.add(q.token(i).text());
        }
        return String.join(" ", words);
    }
}
