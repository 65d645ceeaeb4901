package datasense.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Figure;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code correlation}: the Pearson correlation matrix of numeric columns (pairwise complete rows, DuckDB
 * {@code corr}), as a table, {@code results/correlation.json} and a heatmap {@code charts/correlation.png}.
 */
public final class CorrelationTool implements Tool {

    static final String NAME = "correlation";
    static final String JSON_PATH = "results/correlation.json";
    static final String CHART_PATH = "charts/correlation.png";
    private static final ToolSpec SPEC = ToolSpec.load(NAME);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        Dataset ds = ctx.dataset();
        List<Column> numeric = ds.columns().stream().filter(Column::numeric).toList();
        List<Column> vars = new ArrayList<>();
        for (String name : ToolSupport.strings(args, "columns")) {
            Column c = ToolSupport.column(ds, name);
            if (!c.numeric()) {
                throw new ToolException("bad_args", c.name() + " is not numeric (it is " + c.type() + ").",
                        "Correlate numeric columns: " + names(numeric));
            }
            if (!vars.contains(c)) {
                vars.add(c);
            }
        }
        if (vars.isEmpty()) {
            vars.addAll(numeric);
        }
        if (vars.size() < 2) {
            throw new ToolException("bad_args", "Correlation needs at least two numeric columns; got "
                    + (vars.isEmpty() ? "none" : names(vars)) + ".",
                    numeric.size() < 2 ? "The table has fewer than two numeric columns." : "Pick two or more of: " + names(numeric));
        }
        int k = vars.size();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                String a = DuckDb.quoteIdent(vars.get(i).name());
                String b = DuckDb.quoteIdent(vars.get(j).name());
                select.add("corr(" + a + ", " + b + ") AS r_" + i + "_" + j);
                select.add("count(*) FILTER (WHERE " + a + " IS NOT NULL AND " + b + " IS NOT NULL) AS n_" + i + "_" + j);
            }
        }
        List<String> filters = Filters.conditions(args.get("filters"), ds);
        try (ToolSession s = ToolSession.open(ctx)) {
            List<Object> r = s.one("SELECT " + String.join(", ", select) + " FROM " + s.table()
                    + ToolSupport.where(filters));
            double[][] matrix = new double[k][k];
            long[][] pairs = new long[k][k];
            int idx = 0;
            for (int i = 0; i < k; i++) {
                matrix[i][i] = 1.0;
                for (int j = i + 1; j < k; j++) {
                    Double v = ToolSupport.toDouble(r.get(idx++));
                    long n = ((Number) r.get(idx++)).longValue();
                    double value = v == null ? Double.NaN : Math.max(-1.0, Math.min(1.0, v));
                    matrix[i][j] = value;
                    matrix[j][i] = value;
                    pairs[i][j] = n;
                    pairs[j][i] = n;
                }
            }
            List<String> names = vars.stream().map(Column::name).toList();
            List<Column> tableColumns = new ArrayList<>();
            tableColumns.add(new Column("column", "VARCHAR"));
            names.forEach(n -> tableColumns.add(new Column(n, "DOUBLE")));
            List<List<Object>> rows = new ArrayList<>();
            ObjectNode doc = ToolSupport.JSON.createObjectNode();
            doc.put("method", "pearson");
            doc.set("columns", ToolSupport.JSON.valueToTree(names));
            ArrayNode matrixJson = doc.putArray("matrix");
            ArrayNode pairsJson = doc.putArray("pairs");
            for (int i = 0; i < k; i++) {
                List<Object> row = new ArrayList<>();
                row.add(names.get(i));
                ArrayNode line = matrixJson.addArray();
                for (int j = 0; j < k; j++) {
                    Double v = Double.isNaN(matrix[i][j]) ? null : round(matrix[i][j]);
                    row.add(v);
                    if (v == null) {
                        line.addNull();
                    } else {
                        line.add(v);
                    }
                    if (j > i) {
                        ObjectNode p = pairsJson.addObject().put("x", names.get(i)).put("y", names.get(j));
                        if (v == null) {
                            p.putNull("r");
                        } else {
                            p.put("r", v);
                        }
                        p.put("n", pairs[i][j]);
                    }
                }
                rows.add(row);
            }
            String label = k == 2 ? "correlation of " + names.get(0) + " and " + names.get(1) + ": r = "
                    + coefficient(matrix[0][1]) : "correlation matrix";
            Table table = new Table(label, tableColumns, rows, rows.size(), false);
            List<Artifact> artifacts = new ArrayList<>();
            artifacts.add(new Artifact(JSON_PATH, "Correlation matrix", "application/json", null, ToolSupport.json(doc)));
            artifacts.addAll(ToolSupport.chart(CHART_PATH, "Correlation heatmap", "heatmap",
                    new Figure.Heatmap(Figure.Frame.of("Correlation (Pearson r)", null, null), names, matrix)));
            return new ToolResult(summary(names, matrix, pairs), List.of(table), artifacts, s.sql());
        }
    }

    private static String summary(List<String> names, double[][] m, long[][] n) {
        if (names.size() == 2) {
            return "Pearson r between " + names.get(0) + " and " + names.get(1) + " = " + coefficient(m[0][1])
                    + " over " + ToolSupport.fmt(n[0][1]) + " rows.";
        }
        int bi = -1;
        int bj = -1;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (!Double.isNaN(m[i][j]) && (bi < 0 || Math.abs(m[i][j]) > Math.abs(m[bi][bj]))) {
                    bi = i;
                    bj = j;
                }
            }
        }
        String head = "Correlation matrix of " + names.size() + " columns";
        return bi < 0 ? head + "; no pair has enough values." : head + "; strongest: " + names.get(bi) + " and "
                + names.get(bj) + " (r = " + coefficient(m[bi][bj]) + ").";
    }

    private static String coefficient(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.3f", r);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
