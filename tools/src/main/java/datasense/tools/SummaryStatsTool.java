package datasense.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.Filters;
import datasense.tools.sql.QueryResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code summary_stats}: per column count, nulls, distinct, mean, std, min, quartiles and max for numeric
 * columns; distinct count, range and top values for the others. Writes {@code results/summary_stats.json}.
 */
public final class SummaryStatsTool implements Tool {

    static final String NAME = "summary_stats";
    static final String ARTIFACT = "results/summary_stats.json";
    private static final int TOP_VALUES = 5;
    private static final ToolSpec SPEC = ToolSpec.load(NAME);

    private static final List<Column> COLUMNS = List.of(new Column("column", "VARCHAR"),
            new Column("type", "VARCHAR"), new Column("count", "BIGINT"), new Column("nulls", "BIGINT"),
            new Column("distinct", "BIGINT"), new Column("mean", "DOUBLE"), new Column("std", "DOUBLE"),
            new Column("min", "ANY"), new Column("q1", "DOUBLE"), new Column("median", "DOUBLE"),
            new Column("q3", "DOUBLE"), new Column("max", "ANY"), new Column("top_values", "VARCHAR"));

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        Dataset ds = ctx.dataset();
        List<Column> targets = new ArrayList<>();
        for (String name : ToolSupport.strings(args, "columns")) {
            Column c = ToolSupport.column(ds, name);
            if (!targets.contains(c)) {
                targets.add(c);
            }
        }
        if (targets.isEmpty()) {
            targets.addAll(ds.columns());
        }
        List<String> filters = Filters.conditions(args.get("filters"), ds);
        try (ToolSession s = ToolSession.open(ctx)) {
            // one scan for every column's aggregates (and the row count); only top values need a query per column
            List<String> aggregates = new ArrayList<>(List.of("count(*) AS n"));
            int[] starts = new int[targets.size()];
            for (int i = 0; i < targets.size(); i++) {
                starts[i] = aggregates.size();
                aggregates.addAll(aggregates(targets.get(i)));
            }
            List<Object> all = s.one("SELECT " + String.join(", ", aggregates) + " FROM " + s.table()
                    + ToolSupport.where(filters));
            Object rowCount = all.get(0);
            List<List<Object>> rows = new ArrayList<>();
            ObjectNode doc = ToolSupport.JSON.createObjectNode();
            doc.put("table", ds.table());
            doc.put("rows", ((Number) rowCount).longValue());
            doc.set("filters", args.has("filters") ? args.get("filters") : ToolSupport.JSON.createArrayNode());
            ArrayNode described = doc.putArray("columns");
            for (int i = 0; i < targets.size(); i++) {
                Column c = targets.get(i);
                List<Object> r = all.subList(starts[i], starts[i] + aggregates(c).size());
                rows.add(describe(s, c, r, filters, described.addObject()));
            }
            Table table = new Table("summary statistics", COLUMNS, rows, rows.size(), false);
            Artifact artifact = new Artifact(ARTIFACT, "Summary statistics", "application/json", null,
                    ToolSupport.json(doc));
            String summary = "Summary statistics of " + targets.size() + (targets.size() == 1 ? " column" : " columns")
                    + " over " + ToolSupport.fmt(rowCount) + " rows" + (filters.isEmpty() ? "" : " (filtered)") + ".";
            return new ToolResult(summary, List.of(table), List.of(artifact), s.sql());
        }
    }

    /** The aggregates {@link #describe} reads for {@code c}, in order, as select-list expressions. */
    private static List<String> aggregates(Column c) {
        String col = DuckDb.quoteIdent(c.name());
        List<String> out = new ArrayList<>(List.of("count(" + col + ")", "count(*) - count(" + col + ")",
                "count(DISTINCT " + col + ")"));
        if (c.numeric()) {
            // the three quartiles as one list: DuckDB then sorts the column once, not three times
            out.addAll(List.of("avg(" + col + ")", "stddev_samp(" + col + ")", "min(" + col + ")",
                    "quantile_cont(" + col + ", [0.25, 0.5, 0.75])", "max(" + col + ")"));
        } else if (c.temporal()) {
            out.addAll(List.of("min(" + col + ")", "max(" + col + ")"));
        }
        return out;
    }

    /** One row of the table (and one entry of the JSON) from {@code r}, the column's {@link #aggregates}. */
    private static List<Object> describe(ToolSession s, Column c, List<Object> r, List<String> filters,
            ObjectNode json) throws ToolException {
        String col = DuckDb.quoteIdent(c.name());
        Object[] row = new Object[COLUMNS.size()];
        row[0] = c.name();
        row[1] = c.type();
        json.put("column", c.name());
        json.put("type", c.type());
        if (c.numeric()) {
            String[] keys = {"count", "nulls", "distinct", "mean", "std", "min", "q1", "median", "q3", "max"};
            List<Object> values = new ArrayList<>(r.subList(0, 6)); // already Long or Double; min, max keep their kind
            values.addAll(r.get(6) instanceof List<?> quartiles ? quartiles : Arrays.asList(null, null, null));
            values.add(r.get(7));
            for (int i = 0; i < keys.length; i++) {
                row[2 + i] = values.get(i);
                json.putPOJO(keys[i], values.get(i));
            }
        } else {
            row[2] = r.get(0);
            row[3] = r.get(1);
            row[4] = r.get(2);
            json.putPOJO("count", r.get(0));
            json.putPOJO("nulls", r.get(1));
            json.putPOJO("distinct", r.get(2));
            if (c.temporal()) {
                row[7] = r.get(3);
                row[11] = r.get(4);
                json.putPOJO("min", r.get(3));
                json.putPOJO("max", r.get(4));
            }
            List<String> conditions = new ArrayList<>(filters);
            conditions.add(col + " IS NOT NULL");
            QueryResult top = s.run("SELECT CAST(" + col + " AS VARCHAR) AS value, count(*) AS count FROM "
                    + s.table() + ToolSupport.where(conditions) + " GROUP BY 1 ORDER BY count DESC, value LIMIT " + TOP_VALUES);
            ArrayNode topJson = json.putArray("top_values");
            List<String> parts = new ArrayList<>();
            for (List<Object> t : top.rows()) {
                topJson.addObject().put("value", String.valueOf(t.get(0))).putPOJO("count", t.get(1));
                parts.add(t.get(0) + " (" + ToolSupport.fmt(t.get(1)) + ")");
            }
            row[12] = String.join("; ", parts);
        }
        return Arrays.asList(row);
    }

}
