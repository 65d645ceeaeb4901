package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Time grains from adjectives and nouns. */
class TimeGrainsTest {

    static Grain grain(String q) {
        Clause c = Fixtures.clause(Fixtures.fleet(), q);
        TimeGrains.read(c);
        return c.grain;
    }

    @Test
    void adjectivesAndNouns() {
        assertThat(grain("weekly parts cost")).isEqualTo(Grain.WEEK);
        assertThat(grain("labor hours per quarter")).isEqualTo(Grain.QUARTER);
        assertThat(grain("annual parts cost")).isEqualTo(Grain.YEAR);
        assertThat(grain("parts cost over the months")).isEqualTo(Grain.MONTH);
        assertThat(grain("jobs by day")).isEqualTo(Grain.DAY);
        assertThat(grain("parts cost year over year")).isEqualTo(Grain.YEAR);
        assertThat(grain("parts cost by depot")).isNull();
    }

    @Test
    void groupsTheDateColumnByQuarterOfTheYear() {
        Intent it = Fixtures.intent(Fixtures.fleet(), "labor hours per quarter");
        assertThat(it.groups()).extracting(Grouping::describe).containsExactly("quarter of Service Date");
        Intent inYear = Fixtures.intent(Fixtures.fleet(), "labor hours per quarter in 2022");
        assertThat(inYear.groups()).extracting(Grouping::describe).containsExactly("quarter of Service Date");
    }
}
