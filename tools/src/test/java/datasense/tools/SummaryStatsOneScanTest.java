package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.QueryRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary_stats computes every column's aggregates in one scan; this checks its numbers against the per-column
 * queries it ran before (the same aggregates, one SELECT per column), on every column of two datasets.
 */
class SummaryStatsOneScanTest {

    @TempDir
    Path dir;

    @Test
    void oneScanGivesTheNumbersOfOneQueryPerColumn() throws Exception {
        for (Dataset ds : List.of(TestData.orders(dir), TestData.shop(dir, 3_000))) {
            ToolResult r = ToolRegistry.standard().run("summary_stats", TestData.context(ds),
                    (ObjectNode) new ObjectMapper().readTree("{}"));
            List<List<Object>> rows = r.tables().get(0).rows();
            assertThat(rows).hasSize(ds.columns().size());
            assertThat(r.sql().get(0)).startsWith("SELECT count(*) AS n, count(");
            try (Connection c = QueryRunner.connect(ds, Limits.defaults())) {
                for (int i = 0; i < ds.columns().size(); i++) {
                    Column col = ds.columns().get(i);
                    List<Object> row = rows.get(i);
                    assertThat(row.get(0)).isEqualTo(col.name());
                    List<Object> old = QueryRunner.one(c, perColumn(ds, col), Limits.defaults());
                    List<Object> expected = new ArrayList<>();
                    expected.addAll(old.subList(0, 3));
                    if (col.numeric()) {
                        expected.addAll(old.subList(3, 10));
                        assertThat(row.subList(2, 12)).as(col.name()).isEqualTo(expected);
                    } else {
                        assertThat(row.subList(2, 5)).as(col.name()).isEqualTo(expected);
                        if (col.temporal()) {
                            assertThat(List.of(row.get(7), row.get(11))).as(col.name()).isEqualTo(old.subList(3, 5));
                        }
                    }
                }
            }
        }
    }

    /** The query summary_stats ran for one column before it computed all columns in one scan. */
    private static String perColumn(Dataset ds, Column c) {
        String col = DuckDb.quoteIdent(c.name());
        String from = " FROM " + DuckDb.quoteIdent(ds.table());
        if (c.numeric()) {
            return "SELECT count(" + col + ") AS count, count(*) - count(" + col + ") AS nulls,"
                    + " count(DISTINCT " + col + ") AS distinct_values, avg(" + col + ") AS mean,"
                    + " stddev_samp(" + col + ") AS std, min(" + col + ") AS min,"
                    + " quantile_cont(" + col + ", 0.25) AS q1, median(" + col + ") AS median,"
                    + " quantile_cont(" + col + ", 0.75) AS q3, max(" + col + ") AS max" + from;
        }
        return "SELECT count(" + col + ") AS count, count(*) - count(" + col + ") AS nulls,"
                + " count(DISTINCT " + col + ") AS distinct_values"
                + (c.temporal() ? ", min(" + col + ") AS min, max(" + col + ") AS max" : "") + from;
    }
}
