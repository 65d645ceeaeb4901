package datasense.agent.planner;

import datasense.agent.Plan;
import datasense.agent.PlanStep;
import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Other plausible readings of a question the planner only guessed at, as ready-to-ask questions: a word
 * that could name several columns is replaced by each of them ("ship by region" -> "Ship Mode by region"),
 * and a guessed measure by each of the others ("total by region" -> "total Profit by region"). Every
 * candidate is planned, and only those read with confidence that answer differently from the guess are kept.
 */
final class Alternatives {

    static final int MAX = 3;

    private Alternatives() {
    }

    /**
     * Up to {@link #MAX} alternatives of {@code guess}; {@code planner} plans a candidate question on its own
     * (without alternatives of its own).
     */
    static List<String> of(String question, LinkedQuestion q, List<Intent> intents, Plan guess,
                           Function<String, Plan> planner) {
        Set<String> candidates = new LinkedHashSet<>();
        for (Intent it : intents) {
            for (Unexplained part : it.unexplained()) {
                String word = part.text();
                if (part.kind() != Unexplained.Kind.WORD) {
                    continue; // an operator word or an unused column names no other column
                }
                for (ColumnProfile c : columnsFor(word, q.index())) {
                    candidates.add(replaceWord(question, word, c.name()));
                }
            }
            if (it.readings().stream().anyMatch(r -> r.startsWith(Clause.BEST_GUESS))) {
                candidates.addAll(otherMeasures(question, q, it));
            }
        }
        candidates.addAll(Suggestions.of(q.index()));
        List<String> out = new ArrayList<>();
        for (String candidate : candidates) {
            if (out.size() >= MAX || candidate.equalsIgnoreCase(question)) {
                continue;
            }
            Plan p = planner.apply(candidate);
            if (!p.steps().isEmpty() && p.confidence() >= Plan.LOW_CONFIDENCE && !sameSteps(p, guess)) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** Columns a word could mean: it is one of their name words, begins one, or is a near spelling. */
    static List<ColumnProfile> columnsFor(String word, SchemaIndex index) {
        String w = Vocabulary.singular(word.toLowerCase(Locale.ROOT));
        List<ColumnProfile> out = new ArrayList<>();
        if (w.length() < 2) {
            return out;
        }
        for (ColumnProfile c : index.schema.columns()) {
            for (String part : SchemaIndex.words(c.name())) {
                if (part.equals(w) || (w.length() >= 3 && part.startsWith(w))) {
                    out.add(c);
                    break;
                }
            }
        }
        if (out.isEmpty() && w.length() >= 4) {
            ColumnProfile near = PlanRepairer.closest(word, index.schema);
            if (near != null) {
                out.add(near);
            }
        }
        return out.size() > MAX ? out.subList(0, MAX) : out;
    }

    /** The question with each other measure named where the guess assumed one. */
    private static List<String> otherMeasures(String question, LinkedQuestion q, Intent it) {
        Set<ColumnProfile> used = new LinkedHashSet<>();
        it.measures().forEach(m -> used.add(m.column()));
        String functionWord = null;
        for (int i = 0; i < q.size(); i++) {
            if (q.mentionAt()[i] == null && Vocabulary.FUNCTIONS.containsKey(q.word(i))) {
                functionWord = q.token(i).text();
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (ColumnProfile m : q.index().measures) {
            if (used.contains(m)) {
                continue;
            }
            out.add(functionWord != null ? replaceWord(question, functionWord, functionWord + " " + m.name())
                    : stripEnd(question) + " by " + m.name());
        }
        return out;
    }

    /** The question with the first whole-word occurrence of {@code word} replaced. */
    static String replaceWord(String question, String word, String replacement) {
        String lower = question.toLowerCase(Locale.ROOT);
        String target = word.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf(target, from);
            if (at < 0) {
                return question;
            }
            int end = at + target.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
            boolean endOk = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
            if (startOk && endOk) {
                return question.substring(0, at) + replacement + question.substring(end);
            }
            from = at + 1;
        }
    }

    private static String stripEnd(String question) {
        String s = question.strip();
        while (!s.isEmpty() && ".?!".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static boolean sameSteps(Plan a, Plan b) {
        List<PlanStep> x = a.steps();
        List<PlanStep> y = b.steps();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).tool().equals(y.get(i).tool()) || !x.get(i).args().equals(y.get(i).args())) {
                return false;
            }
        }
        return true;
    }
}
