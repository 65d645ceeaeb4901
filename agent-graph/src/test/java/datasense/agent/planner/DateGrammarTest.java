package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The calendar grammar on its own: absolute quarters and months, years, and relative periods. */
class DateGrammarTest {

    static final SchemaInfo FLEET = Fixtures.fleet();
    static final LocalDate ANCHOR = LocalDate.of(2023, 6, 28);

    static DateGrammar.Calendar calendarAt(String question, int token) {
        return DateGrammar.calendar(Fixtures.clause(FLEET, question), token);
    }

    static DateGrammar.Relative relativeAt(String question, int token) {
        return DateGrammar.relative(Fixtures.clause(FLEET, question), token, ANCHOR);
    }

    @Test
    void readsQuartersInSeveralSpellings() {
        DateGrammar.Calendar q = calendarAt("repairs in Q2 2022", 2);
        assertThat(q.quarter()).isEqualTo(2);
        assertThat(q.year()).isEqualTo(2022);
        assertThat(q.end()).isEqualTo(4);
        assertThat(q.period("Q2 2022").start()).isEqualTo(LocalDate.of(2022, 4, 1));
        assertThat(q.period("Q2 2022").end()).isEqualTo(LocalDate.of(2022, 6, 30));
        DateGrammar.Calendar second = calendarAt("cost in the fourth quarter of 2021", 3);
        assertThat(second.quarter()).isEqualTo(4);
        assertThat(second.year()).isEqualTo(2021);
        assertThat(calendarAt("cost in quarter 1 2023", 2).quarter()).isEqualTo(1);
        assertThat(calendarAt("cost in q4", 2).year()).isNull();
    }

    @Test
    void readsMonthsAndKeepsMayAsAVerbWithoutACue() {
        DateGrammar.Calendar feb = calendarAt("hours in Feb 2022", 2);
        assertThat(feb.month()).isEqualTo(2);
        assertThat(feb.year()).isEqualTo(2022);
        assertThat(feb.period("").end()).isEqualTo(LocalDate.of(2022, 2, 28));
        assertThat(calendarAt("hours in September", 2).month()).isEqualTo(9);
        assertThat(calendarAt("in may 2021", 1).month()).isEqualTo(5);
        assertThat(calendarAt("costs may rise", 1)).isNull();
        // "for May", and "May" capitalised inside the question, are the month; lower case with no cue, the verb
        assertThat(calendarAt("total hours for may", 3).month()).isEqualTo(5);
        assertThat(calendarAt("total May hours", 1).month()).isEqualTo(5);
        assertThat(calendarAt("which vans may need a service", 2)).isNull();
    }

    @Test
    void relativePeriodsAreMeasuredFromTheAnchor() {
        DateGrammar.Relative lastMonths = relativeAt("cost over the last 4 months", 3);
        assertThat(lastMonths.period().start()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(lastMonths.period().end()).isEqualTo(ANCHOR);
        assertThat(lastMonths.end()).isEqualTo(6);
        DateGrammar.Relative pastDays = relativeAt("jobs in the past 10 days", 3);
        assertThat(pastDays.period().start()).isEqualTo(LocalDate.of(2023, 6, 19));
        DateGrammar.Relative lastQuarter = relativeAt("cost last quarter", 1);
        assertThat(lastQuarter.period().start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(lastQuarter.period().end()).isEqualTo(LocalDate.of(2023, 3, 31));
        DateGrammar.Relative lastYear = relativeAt("cost previous year", 1);
        assertThat(lastYear.period().start()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(lastYear.period().end()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(relativeAt("cost this year", 1).period().start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(relativeAt("cost ytd", 1).period().start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(relativeAt("cost month to date", 1).period().start()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(relativeAt("cost over the last two weeks", 3).period().start())
                .isEqualTo(LocalDate.of(2023, 6, 15));
        assertThat(relativeAt("the last depot", 1)).isNull();
    }
}
