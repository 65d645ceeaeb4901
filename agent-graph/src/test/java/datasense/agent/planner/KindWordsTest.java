package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Head words choose the kind of answer; chart words the chart. */
class KindWordsTest {

    static Intent.Kind kind(String q) {
        return KindWords.kind(Fixtures.clause(Fixtures.fleet(), q));
    }

    static Clause charts(String q) {
        Clause c = Fixtures.clause(Fixtures.fleet(), q);
        KindWords.chartWords(c);
        return c;
    }

    @Test
    void kinds() {
        assertThat(kind("histogram of labor hours")).isEqualTo(Intent.Kind.DISTRIBUTION);
        assertThat(kind("parts cost over time")).isEqualTo(Intent.Kind.TREND);
        assertThat(kind("describe the data")).isEqualTo(Intent.Kind.SUMMARY);
        assertThat(kind("how does odometer km relate to parts cost")).isEqualTo(Intent.Kind.CORRELATION);
        assertThat(kind("scatter of labor hours and parts cost")).isEqualTo(Intent.Kind.SCATTER);
        assertThat(kind("parts cost by depot")).isEqualTo(Intent.Kind.AGGREGATE);
    }

    @Test
    void chartKinds() {
        assertThat(charts("pie chart of parts cost by depot").chart).isEqualTo("pie");
        assertThat(charts("labor hours by mechanic as a line chart").chart).isEqualTo("line");
        assertThat(charts("bar graph of parts cost per depot").chart).isEqualTo("bar");
        // a kind word before a chart word is the chart's, even where a column ends in it (production_line)
        datasense.tools.SchemaInfo lines = new datasense.tools.SchemaInfo("press_runs", 300, java.util.List.of(
                Fixtures.col("production_line", "VARCHAR", 4, java.util.List.of("L1", "L2")),
                new datasense.tools.ColumnProfile("run_on", "DATE", 0, 200, "2025-01-01", "2025-12-30", java.util.List.of()),
                Fixtures.num("sheets", "INTEGER", 200, "10", "900")));
        String sql = DoubtsTest.sql(lines, "total sheets by month as a line chart");
        assertThat(sql).doesNotContain("production_line").contains("SUM(\"sheets\")");
        Clause plain = charts("plot parts cost by depot");
        assertThat(plain.chart).isNull();
        assertThat(plain.chartAsked).isTrue();
    }
}
