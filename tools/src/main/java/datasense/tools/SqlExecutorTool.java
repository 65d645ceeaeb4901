package datasense.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.sql.QueryResult;
import datasense.tools.sql.SqlGuard;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sql_executor}: runs one vetted read-only SELECT over the dataset's table (see {@link SqlGuard})
 * on a sandboxed connection. A result with more rows than fit inline is also written in full (up to the
 * row limit) as {@code results/<slug(label)>.csv}.
 */
public final class SqlExecutorTool implements Tool {

    static final String NAME = "sql_executor";
    private static final ToolSpec SPEC = ToolSpec.load(NAME);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        String sql = SqlGuard.vet(ToolSupport.text(args, "sql"), ctx.dataset().tables());
        String label = ToolSupport.text(args, "label");
        if (label == null) {
            label = "query";
        }
        try (ToolSession s = ToolSession.open(ctx)) {
            QueryResult r = s.run(sql);
            Table table = r.table(label, ctx.limits().inlineRows());
            List<Artifact> artifacts = new ArrayList<>();
            String summary = r.rows().size() + (r.rows().size() == 1 ? " row" : " rows");
            if (table.truncated()) {
                artifacts.add(new Artifact("results/" + ToolSupport.slug(label) + ".csv", label + " (all rows)",
                        "text/csv", null, ToolSupport.csv(r.columns(), r.rows())));
                summary += r.overLimit() ? " (the query returned more; only the first "
                        + ctx.limits().maxRows() + " were kept)" : "; the first " + table.rows().size()
                        + " are shown and all are in the CSV";
            }
            return new ToolResult(summary + ".", List.of(table), artifacts, s.sql());
        }
    }
}
