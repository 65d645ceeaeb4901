package datasense.tools.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Turns each sheet of an .xlsx workbook into a CSV file (streaming, with fastexcel's reader), which then goes
 * through the CSV ingest like any upload, so a sheet gets the same typing, title-row detection and checks.
 * Numbers are written in full (no display rounding), date-formatted cells as ISO dates or timestamps, booleans as
 * true/false, formulas as their cached result; rows are padded to the sheet's width, as Excel leaves trailing empty
 * cells out. Empty sheets are skipped.
 */
final class WorkbookSheets {

    /** A sheet written as CSV: its name and the file. */
    record SheetCsv(String sheet, Path csv) {
    }

    private WorkbookSheets() {
    }

    static List<SheetCsv> toCsv(Path xlsx, Path dir, long maxBytes) throws IngestException, IOException {
        ZipMembers.checkSize(xlsx, maxBytes, "The workbook");
        List<SheetCsv> out = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            for (Sheet sheet : sheets) {
                int width = 0;
                try (Stream<Row> rows = sheet.openStream()) {
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        for (int i = row.getCellCount() - 1; i >= width; i--) {
                            if (!text(row.getCell(i)).isEmpty()) {
                                width = i + 1;
                                break;
                            }
                        }
                    }
                }
                if (width == 0) {
                    continue;
                }
                Path csv = dir.resolve("sheet-" + (out.size() + 1) + ".csv");
                try (Stream<Row> rows = sheet.openStream();
                     Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
                    int line = 0;
                    for (Row row : (Iterable<Row>) rows::iterator) {
                        for (line++; line < row.getRowNum(); line++) {
                            w.write('\n'); // an empty row stays a (blank) line: CSV line N is sheet row N
                        }
                        for (int i = 0; i < width; i++) {
                            if (i > 0) {
                                w.write(',');
                            }
                            w.write(quote(i < row.getCellCount() ? text(row.getCell(i)) : ""));
                        }
                        w.write('\n');
                    }
                }
                out.add(new SheetCsv(sheet.getName(), csv));
            }
        } catch (IOException | RuntimeException e) {
            throw new IngestException(IngestException.UNREADABLE,
                    "The workbook could not be read: " + e.getMessage(),
                    "Save it again as an Excel workbook (.xlsx) and upload it, or export its sheets as CSV.", 0, e);
        }
        if (out.isEmpty()) {
            throw new IngestException(IngestException.UNREADABLE, "Every sheet of the workbook is empty.",
                    "Upload a workbook with data in at least one sheet.");
        }
        return out;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case NUMBER -> isDate(cell) ? date(cell) : ((BigDecimal) value).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(value);
            case STRING -> value == null ? "" : value.toString();
            case FORMULA -> value == null ? "" : value instanceof BigDecimal d
                    ? (isDate(cell) ? date(cell) : d.stripTrailingZeros().toPlainString()) : value.toString();
            default -> ""; // EMPTY, ERROR
        };
    }

    /** A number shown as a date: its format has day, month or year parts outside quoted text and colours. */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && (id >= 14 && id <= 22 || id >= 45 && id <= 47)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "").toLowerCase(Locale.ROOT);
        return bare.matches(".*[dy].*") || bare.matches(".*m.*") && !bare.matches("[#0.,%\\s]*");
    }

    private static String date(Cell cell) {
        try {
            LocalDateTime t = cell.asDate();
            return t.toLocalTime().toSecondOfDay() == 0 && t.getNano() == 0 ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
        } catch (RuntimeException e) {
            return cell.getRawValue() == null ? "" : cell.getRawValue();
        }
    }

    private static String quote(String s) {
        if (s.isEmpty() || s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
