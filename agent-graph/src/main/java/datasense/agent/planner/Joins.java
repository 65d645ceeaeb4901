package datasense.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import datasense.agent.JoinableTable;
import datasense.agent.Plan;
import datasense.agent.PlanJoin;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Questions that need a second table: "sales by segment" asked of orders when segment lives in customers. When the
 * asked file's own columns leave the question short of full confidence, each file joined to it by a join hint is
 * tried (at most {@link #MAX_TRIED}): the question is planned again over a view of the asked file with that file's
 * other columns beside it, and that reading is taken when it uses one of them and explains the question better than
 * the asked file alone. A column the asked file has itself is never taken from the other file, so a question its
 * own columns answer is never joined. The view is a CTE in every SQL step, a LEFT JOIN along the hint (many to
 * one: the key is unique in its file, so no row is added or lost), so the plan shows and reproduces the join;
 * steps of the other tools read the asked file alone, so a reading that needs a joined column there is not taken.
 * The best hint wins: the highest confidence after the overlap is counted, then the highest overlap, then a column
 * named exactly as the key, then the newest file. A join is never surer than its keys: confidence is multiplied by
 * the overlap, and an overlap under {@link #LOW_OVERLAP}% makes the answer a best guess that says why.
 */
final class Joins {

    /** Below this overlap (percent of the column's values found in the key) a join is a best guess. */
    static final double LOW_OVERLAP = 90.0;
    /** The most joinable files tried for one question. */
    static final int MAX_TRIED = 4;
    /** Confidence of a reading over a join whose overlap is low, at most. */
    private static final double LOW_OVERLAP_CAP = 0.6;

    private Joins() {
    }

    /**
     * {@code local}, the plan over the asked file alone, or a better reading over a join with one of the request's
     * joinable files; {@code planner} plans a request without looking at its joinable files.
     */
    static Plan better(PlanRequest request, Plan local, Function<PlanRequest, Plan> planner) {
        if (request.joinable().isEmpty() || request.schema() == null
                || (!local.steps().isEmpty() && local.confidence() >= 1.0)) {
            return local;
        }
        SchemaInfo asked = request.schema();
        Plan best = null;
        double bestConfidence = local.steps().isEmpty() ? 0.0 : local.confidence();
        for (JoinableTable other : ranked(request.joinable(), asked)) {
            Plan joined = over(request, asked, other, planner);
            if (joined != null && joined.confidence() > bestConfidence) {
                best = joined;
                bestConfidence = joined.confidence();
            }
        }
        return best == null ? local : best;
    }

    /** The joinable files worth a try, best hint first. */
    static List<JoinableTable> ranked(List<JoinableTable> joinable, SchemaInfo asked) {
        return joinable.stream()
                .filter(t -> t.schema() != null && t.table() != null && !t.table().equalsIgnoreCase(asked.table())
                        && asked.column(t.column()) != null && t.schema().column(t.key()) != null)
                .sorted(Comparator.comparingDouble(JoinableTable::overlap).reversed()
                        .thenComparing(t -> !t.column().equalsIgnoreCase(t.key()))
                        .thenComparing(Joins::createdAt, Comparator.reverseOrder())
                        .thenComparing(JoinableTable::table))
                .limit(MAX_TRIED)
                .toList();
    }

    /** When the file was made (ingested), the earliest instant when unknown or unreadable. */
    private static Instant createdAt(JoinableTable t) {
        try {
            return t.createdAt() == null ? Instant.MIN : Instant.parse(t.createdAt());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    /** The question planned over the asked file joined to {@code other}, or null when that reading needs no join. */
    private static Plan over(PlanRequest request, SchemaInfo asked, JoinableTable other, Function<PlanRequest, Plan> planner) {
        Set<String> own = asked.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<ColumnProfile> brought = other.schema().columns().stream()
                .filter(c -> !own.contains(c.name().toLowerCase(Locale.ROOT)) && !c.name().equalsIgnoreCase(other.key()))
                .toList();
        if (brought.isEmpty()) {
            return null;
        }
        String view = viewName(asked.table(), other.table());
        List<ColumnProfile> columns = new ArrayList<>(asked.columns());
        columns.addAll(brought);
        SchemaInfo combined = new SchemaInfo(view, asked.rows(), columns);
        Plan plan = planner.apply(new PlanRequest(request.question(), combined, request.history(), null));
        if (plan.steps().isEmpty() || !usesOnlyInSql(plan.steps(), brought)) {
            return null;
        }
        String with = "WITH " + SqlText.ident(view) + " AS (" + joinSelect(asked, other, brought) + ") ";
        List<PlanStep> steps = plan.steps().stream().map(s -> !"sql_executor".equals(s.tool()) ? s
                : new PlanStep(s.tool(), s.args().deepCopy().put("sql", with + s.args().get("sql").asText()), s.intent()))
                .toList();
        double overlap = other.overlap();
        boolean low = overlap < LOW_OVERLAP;
        double confidence = plan.confidence() * Math.min(1.0, overlap / 100.0);
        if (low) {
            confidence = Math.min(confidence, LOW_OVERLAP_CAP);
        }
        confidence = Math.round(confidence * 100) / 100.0;
        String used = brought.stream().filter(c -> steps.stream().anyMatch(s -> sqlOf(s).contains(SqlText.ident(c.name()))))
                .map(ColumnProfile::name).collect(Collectors.joining(", "));
        String joinWords = "joined " + other.table() + " on " + other.column()
                + (other.column().equals(other.key()) ? "" : " = " + other.table() + "." + other.key()) + ": "
                + percent(overlap) + " of " + possessive(asked.table()) + " " + other.column() + " values found in "
                + other.table();
        List<String> notes = new ArrayList<>(plan.notes());
        notes.add("join: " + asked.table() + "." + other.column() + " = " + other.table() + "." + other.key() + " (file "
                + other.fileId() + "), " + other.matched() + " of " + other.distinct() + " values found ("
                + percent(overlap) + "), for " + used);
        String interpretation = plan.interpretation() + "; " + joinWords;
        if (low) {
            String why = "low overlap: only " + percent(overlap) + " of " + possessive(asked.table()) + " " + other.column()
                    + " values are in " + other.table() + ", so the rest count as missing " + used;
            notes.add(why);
            interpretation += "; " + why;
        }
        PlanJoin join = new PlanJoin(other.fileId(), other.name(), other.table(), other.column(), other.key(), overlap);
        return new Plan(steps, interpretation, confidence, notes, plan.suggestions(), plan.alternatives(),
                plan.planner(), plan.usage(), List.of(join));
    }

    /**
     * True when some SQL step reads a column brought from the other file and no step of another tool names one
     * (those tools read the asked file alone).
     */
    private static boolean usesOnlyInSql(List<PlanStep> steps, List<ColumnProfile> brought) {
        boolean inSql = false;
        for (PlanStep s : steps) {
            if ("sql_executor".equals(s.tool())) {
                String sql = sqlOf(s);
                inSql |= brought.stream().anyMatch(c -> sql.contains(SqlText.ident(c.name())));
            } else if (!"chart".equals(s.tool()) && namesAny(s.args(), brought)) {
                return false;
            }
        }
        return inSql;
    }

    private static String sqlOf(PlanStep s) {
        JsonNode sql = s.args() == null ? null : s.args().get("sql");
        return sql == null ? "" : sql.asText();
    }

    private static boolean namesAny(JsonNode node, List<ColumnProfile> columns) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(node.asText()));
        }
        for (JsonNode child : node) {
            if (namesAny(child, columns)) {
                return true;
            }
        }
        return false;
    }

    /** The view's body: every row of the asked file with the other file's columns of its key. */
    static String joinSelect(SchemaInfo asked, JoinableTable other, List<ColumnProfile> brought) {
        String a = SqlText.ident(asked.table());
        String b = SqlText.ident(other.table());
        return "SELECT " + a + ".*, " + brought.stream().map(c -> b + "." + SqlText.ident(c.name()))
                .collect(Collectors.joining(", "))
                + " FROM " + a + " LEFT JOIN " + b + " ON " + a + "." + SqlText.ident(other.column()) + " = " + b + "."
                + SqlText.ident(other.key());
    }

    /** The CTE's name: neither table's. */
    static String viewName(String asked, String other) {
        String name = asked + "_" + other;
        return name.equalsIgnoreCase(asked) || name.equalsIgnoreCase(other) ? name + "_joined" : name;
    }

    private static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    static String percent(double pct) {
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.format(Locale.ROOT, "%.1f", pct)) + "%";
    }
}
