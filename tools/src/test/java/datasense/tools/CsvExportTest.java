package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The full-result CSV a person downloads and opens in a spreadsheet. */
@Tag("fault")
class CsvExportTest {

    private static String csv(List<Object> row) {
        return new String(ToolSupport.csv(List.of(new Column("note", "VARCHAR"), new Column("amount", "DOUBLE")), List.of(row)),
                StandardCharsets.UTF_8).split("\r\n")[1];
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaOpensAsText() {
        assertThat(csv(List.of("=HYPERLINK(\"http://x\",\"y\")", 1))).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1");
        assertThat(csv(List.of("+1+2", 1))).startsWith("'+1+2,");
        assertThat(csv(List.of("-2+3", 1))).startsWith("'-2+3,");
        assertThat(csv(List.of("@SUM(A1)", 1))).startsWith("'@SUM(A1),");
        assertThat(csv(List.of("\tx", 1))).startsWith("'\tx,");
    }

    @Test
    void numbersAndOrdinaryTextAreWrittenAsTheyAre() {
        assertThat(csv(List.of("North", -12.5))).isEqualTo("North,-12.5");
        assertThat(csv(List.of("a, b", 3L))).isEqualTo("\"a, b\",3");
        assertThat(csv(Arrays.asList(null, 0))).isEqualTo(",0");
    }
}
