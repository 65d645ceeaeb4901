package datasense.verticles.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A report's table cells read as a person writes numbers: no binary noise, no exponent, whole numbers without ".0". */
class AnswerSectionsTest {

    @Test
    void cellsAreWrittenAsPeopleReadThem() {
        assertThat(AnswerSections.cell(1150709.7200000025)).isEqualTo("1150709.72");
        assertThat(AnswerSections.cell(12.0)).isEqualTo("12");
        assertThat(AnswerSections.cell(1.5e-7)).isEqualTo("0.00000015");
        assertThat(AnswerSections.cell(3.0e20)).isEqualTo("300000000000000000000");
        assertThat(AnswerSections.cell(-0.333333333333)).isEqualTo("-0.3333333333");
        assertThat(AnswerSections.cell(42L)).isEqualTo("42");
        assertThat(AnswerSections.cell("West")).isEqualTo("West");
        assertThat(AnswerSections.cell(null)).isEmpty();
        assertThat(AnswerSections.cell(true)).isEqualTo("true");
    }
}
