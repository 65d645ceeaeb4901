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
        Clause plain = charts("plot parts cost by depot");
        assertThat(plain.chart).isNull();
        assertThat(plain.chartAsked).isTrue();
    }
}
