package datasense.verticles.reports;

import datasense.tools.report.Report;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns answers (the /ask body, as jobs, question records and board tiles keep it) into a report's sections: the
 * answer's words, its plan and SQL, its tables with cells as text, and its charts' PNGs read from the store (only keys
 * under the report's tenant). Charts are numbered across the whole report, so each has its own file beside the
 * Markdown. A chart no longer stored becomes a note in its section, not a failed report.
 */
final class AnswerSections {

    private final ObjectStore store;
    private final String tenant;
    private int charts;

    AnswerSections(ObjectStore store, String tenant) {
        this.store = store;
        this.tenant = tenant;
    }

    /** Sections of {@code answers} in order, the charts of each read in turn (so their numbers follow the report). */
    Future<List<Report.Section>> of(List<Answer> answers) {
        Future<List<Report.Section>> all = Future.succeededFuture(new ArrayList<>());
        for (Answer answer : answers) {
            all = all.compose(done -> section(answer).map(s -> {
                done.add(s);
                return done;
            }));
        }
        return all;
    }

    /** An answer to put in a report: the /ask body, the question as asked, and when it was answered (null when not known). */
    record Answer(String question, String answeredAt, JsonObject body) {
    }

    private Future<Report.Section> section(Answer a) {
        JsonObject body = a.body();
        List<String> notes = new ArrayList<>();
        List<Report.ResultTable> tables = new ArrayList<>();
        List<Future<Report.Chart>> charts = new ArrayList<>();
        for (Object r : body.getJsonArray("results", new JsonArray())) {
            if (!(r instanceof JsonObject result)) {
                continue;
            }
            if ("table".equals(result.getString("type"))) {
                tables.add(table(result));
            } else if ("image".equals(result.getString("type")) && result.getString("key", "").endsWith(".png")) {
                charts.add(chart(result, notes));
            }
        }
        return Future.all(charts).map(loaded -> {
            List<Report.Chart> kept = new ArrayList<>();
            for (int i = 0; i < charts.size(); i++) {
                if (loaded.resultAt(i) != null) {
                    kept.add(loaded.resultAt(i));
                }
            }
            String question = a.question() != null ? a.question() : body.getString("question", "");
            return new Report.Section(question, a.answeredAt(), body.getString("answer", ""), body.getString("interpretation"),
                    body.getDouble("confidence"), strings(body.getJsonArray("caveats")), plan(body.getJsonArray("plan")),
                    strings(body.getJsonArray("sql")), tables, kept, notes);
        });
    }

    /** The chart's PNG, named by its place in the report; null (and a note) when it is no longer stored. */
    private Future<Report.Chart> chart(JsonObject image, List<String> notes) {
        String key = image.getString("key");
        String label = image.getString("label", "chart");
        String file = "charts/chart-" + (++charts) + ".png";
        if (!key.startsWith(tenant + "/")) {
            notes.add("The chart '" + label + "' is not this tenant's and is left out.");
            return Future.succeededFuture();
        }
        return store.get(key).map(png -> new Report.Chart(label, file, png.getBytes()))
                .recover(e -> {
                    if (e instanceof ObjectStore.NoSuchKeyException) {
                        notes.add("The chart '" + label + "' is no longer stored (its file was deleted or re-computed); ask again to draw it.");
                        return Future.succeededFuture();
                    }
                    return Future.failedFuture(e);
                });
    }

    private static Report.ResultTable table(JsonObject t) {
        List<String> columns = t.getJsonArray("columns", new JsonArray()).stream().map(String::valueOf).toList();
        List<List<String>> rows = new ArrayList<>();
        for (Object row : t.getJsonArray("rows", new JsonArray())) {
            if (row instanceof JsonArray cells) {
                rows.add(cells.stream().map(AnswerSections::cell).toList());
            }
        }
        return new Report.ResultTable(t.getString("label"), columns, rows, t.getLong("total_rows", (long) rows.size()));
    }

    /** A cell as text: numbers without exponent or trailing .0, to ten significant digits; null as empty. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            // ten significant digits: a sum's binary noise (1150709.7200000025) goes, every figure a person reads stays
            return new BigDecimal(d).round(new MathContext(10)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static List<Report.PlanStep> plan(JsonArray steps) {
        List<Report.PlanStep> plan = new ArrayList<>();
        if (steps != null) {
            for (Object s : steps) {
                if (s instanceof JsonObject step) {
                    Object args = step.getValue("args");
                    plan.add(new Report.PlanStep(step.getString("tool", "?"), args == null ? "{}" : args instanceof JsonObject o ? o.encode() : String.valueOf(args),
                            step.getString("intent")));
                }
            }
        }
        return plan;
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().filter(v -> v != null).map(String::valueOf).toList();
    }
}
