package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers written as words. */
class NumberWordsTest {

    @Test
    void cardinalsAndOrdinals() {
        assertThat(NumberWords.value("five")).isEqualTo(5);
        assertThat(NumberWords.value("twelve")).isEqualTo(12);
        assertThat(NumberWords.value("fiver")).isNull();
        assertThat(NumberWords.ordinal("third")).isEqualTo(3);
        assertThat(NumberWords.ordinal("2nd")).isEqualTo(2);
        Clause c = Fixtures.clause(Fixtures.fleet(), "top seven depots 12");
        assertThat(NumberWords.at(c, 1)).isEqualTo(7);
        assertThat(NumberWords.at(c, 3)).isEqualTo(12);
        assertThat(NumberWords.at(c, 2)).isNull();
    }
}
