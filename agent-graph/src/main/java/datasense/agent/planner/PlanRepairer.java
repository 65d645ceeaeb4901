package datasense.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.agent.StepFailure;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import datasense.tools.sql.DuckDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs a failed step. First it re-links column names the schema does not have to the closest real column
 * ("Sale" -> Sales, "sub category" -> Sub-Category); a failed chart is redrawn with its axes left to the
 * tool; otherwise the question is planned afresh and the fresh step for the same tool replaces the failed
 * one. The returned plan holds only the replacement steps, or none with the reason when nothing fits.
 */
final class PlanRepairer {

    private static final Pattern QUOTED_IDENT = Pattern.compile("\"((?:[^\"]|\"\")+)\"");
    private static final Set<String> COLUMN_FIELDS = Set.of("column", "date_column", "value_column");

    private PlanRepairer() {
    }

    static Plan repair(PlanRequest request, OfflinePlanner planner) {
        StepFailure f = request.failure();
        SchemaInfo schema = request.schema();
        PlanStep failed = f.step();
        String why = "step " + f.index() + " (" + (failed == null ? "?" : failed.tool()) + ") failed: " + f.code()
                + (f.message() == null ? "" : " - " + f.message());
        if (failed == null) {
            return none(why, schema);
        }
        Map<String, String> renamed = new LinkedHashMap<>();
        ObjectNode args = failed.args() == null ? null : failed.args().deepCopy();
        boolean unresolved = false;
        if (args != null && !failed.tool().equals("chart")) {
            unresolved = relink(args, schema, renamed);
        }
        if (!renamed.isEmpty() && !unresolved) {
            List<String> notes = new ArrayList<>();
            renamed.forEach((bad, good) -> notes.add("column '" + bad + "' read as '" + good + "'"));
            String interpretation = "Repaired " + why + "; " + String.join(", ", notes);
            return new Plan(List.of(new PlanStep(failed.tool(), args, failed.intent())), interpretation, 0.7,
                    notes, List.of(), planner.name());
        }
        if (failed.tool().equals("chart") && args != null && args.has("from_step")
                && (args.has("x") || args.has("y") || args.has("kind"))) {
            ObjectNode plain = args.deepCopy();
            plain.remove(List.of("x", "y"));
            if (!"pie".equals(plain.path("kind").asText()) && !"scatter".equals(plain.path("kind").asText())) {
                plain.remove("kind");
            }
            if (!plain.equals(failed.args())) {
                return new Plan(List.of(new PlanStep("chart", plain, failed.intent())),
                        "Repaired " + why + "; chart redrawn with the axes chosen from the table", 0.6,
                        List.of("chart axes left to the chart tool"), List.of(), planner.name());
            }
        }
        // plan the question afresh and take its step for the same tool, if it differs from the failed one
        Plan fresh = planner.planQuestion(new PlanRequest(request.question(), schema, request.history(), null));
        for (PlanStep s : fresh.steps()) {
            if (s.tool().equals(failed.tool()) && !s.args().equals(failed.args())) {
                List<String> notes = new ArrayList<>(fresh.notes());
                notes.add("replaced the failed step with the offline planner's step for the same question");
                return new Plan(List.of(s), "Repaired " + why + "; " + fresh.interpretation(),
                        Math.min(0.6, fresh.confidence()), notes, List.of(), planner.name());
            }
        }
        return none(why, schema);
    }

    private static Plan none(String why, SchemaInfo schema) {
        return new Plan(List.of(), "Could not repair " + why + ".", 0.0, List.of("no repair found"),
                Suggestions.of(SchemaLinker.index(schema)), "offline");
    }

    /** Re-links unknown column names in the arguments in place; true if some name could not be re-linked. */
    private static boolean relink(ObjectNode args, SchemaInfo schema, Map<String, String> renamed) {
        boolean unresolved = false;
        for (String field : COLUMN_FIELDS) {
            JsonNode v = args.get(field);
            if (v != null && v.isTextual()) {
                String fixed = fix(v.asText(), schema, renamed);
                if (fixed == null) {
                    unresolved = true;
                } else {
                    args.set(field, TextNode.valueOf(fixed));
                }
            }
        }
        if (args.get("columns") instanceof ArrayNode cols) {
            for (int i = 0; i < cols.size(); i++) {
                String fixed = fix(cols.get(i).asText(), schema, renamed);
                if (fixed == null) {
                    unresolved = true;
                } else {
                    cols.set(i, TextNode.valueOf(fixed));
                }
            }
        }
        if (args.get("filters") instanceof ArrayNode filters) {
            for (JsonNode filter : filters) {
                if (filter instanceof ObjectNode o && o.path("column").isTextual()) {
                    String fixed = fix(o.get("column").asText(), schema, renamed);
                    if (fixed == null) {
                        unresolved = true;
                    } else {
                        o.put("column", fixed);
                    }
                }
            }
        }
        if (args.path("sql").isTextual()) {
            String sql = args.get("sql").asText();
            StringBuilder out = new StringBuilder();
            Matcher m = QUOTED_IDENT.matcher(sql);
            Set<String> aliases = aliases(sql);
            while (m.find()) {
                String name = m.group(1).replace("\"\"", "\"");
                String replacement = m.group();
                if (!name.equalsIgnoreCase(schema.table()) && !aliases.contains(name)) {
                    String fixed = fix(name, schema, renamed);
                    if (fixed == null) {
                        unresolved = true;
                    } else {
                        replacement = DuckDb.quoteIdent(fixed);
                    }
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            args.put("sql", out.toString());
        }
        return unresolved;
    }

    /** Names given as aliases ("AS \"total Sales\"") are the query's own, not the table's. */
    private static Set<String> aliases(String sql) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = Pattern.compile("(?i)\\bAS\\s+\"((?:[^\"]|\"\")+)\"").matcher(sql);
        while (m.find()) {
            out.add(m.group(1).replace("\"\"", "\""));
        }
        return out;
    }

    /** The real column for a name: itself if it exists, else the closest by words or spelling, else null. */
    static String fix(String name, SchemaInfo schema, Map<String, String> renamed) {
        if (schema.columns().stream().anyMatch(c -> c.name().equals(name))) {
            return name;
        }
        ColumnProfile best = closest(name, schema);
        if (best == null) {
            return null;
        }
        renamed.put(name, best.name());
        return best.name();
    }

    static ColumnProfile closest(String name, SchemaInfo schema) {
        String key = String.join("", SchemaIndex.words(name));
        ColumnProfile best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ColumnProfile c : schema.columns()) {
            String ck = String.join("", SchemaIndex.words(c.name()));
            if (ck.equals(key) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
            int d = distance(key, ck);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, key.length() / 4));
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, for names a model or a person misspelt. */
    private static int distance(String a, String b) {
        a = a.toLowerCase(Locale.ROOT);
        b = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
