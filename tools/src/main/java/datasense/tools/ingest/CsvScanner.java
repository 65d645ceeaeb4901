package datasense.tools.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Quote-aware CSV reading in Java, independent of DuckDB, for the three things ingest must know itself:
 * which delimiter a file uses, what its header says and how many data records it holds. The record rules
 * follow DuckDB's reader: a record ends at LF, CRLF or CR outside quotes; a quote opens a quoted field
 * only at the start of a field; inside quotes a doubled quote (or the escape character) is literal; empty
 * lines are not records.
 */
final class CsvScanner {

    /** Delimiters tried, in order of preference when they fit equally well. */
    static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private CsvScanner() {
    }

    /** The fields of the first {@code max} records of {@code text} (a possibly cut-off prefix of a file). */
    static List<List<String>> parse(String text, char delim, int quote, int escape, int max, boolean complete) {
        return parse(text, delim, quote, escape, max, complete, null);
    }

    /**
     * As {@link #parse(String, char, int, int, int, boolean)}, adding to {@code starts} (when not null) the
     * 1-based physical line each record starts on (LF, CRLF and CR each end a line, inside quotes too).
     */
    static List<List<String>> parse(String text, char delim, int quote, int escape, int max, boolean complete,
                                    List<Long> starts) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int state = START;
        boolean content = false;
        long line = 1;
        boolean prevCr = false;
        int n = text.length();
        for (int i = 0; i < n && records.size() < max; i++) {
            char c = text.charAt(i);
            if (starts != null && !content && state == START && c != '\n' && c != '\r') {
                starts.add(line);
            }
            switch (state) {
                case START, UNQUOTED -> {
                    if (state == START && c == quote) {
                        state = QUOTED;
                        content = true;
                    } else if (c == delim) {
                        fields.add(field.toString());
                        field.setLength(0);
                        state = START;
                        content = true;
                    } else if (c == '\n' || c == '\r') {
                        if (content) {
                            fields.add(field.toString());
                            records.add(fields);
                            fields = new ArrayList<>();
                        }
                        field.setLength(0);
                        content = false;
                        state = START;
                    } else {
                        field.append(c);
                        content = true;
                        state = UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (escape != quote && c == escape) {
                        state = ESCAPED;
                    } else if (c == quote) {
                        state = escape == quote ? QUOTE_IN_QUOTED : UNQUOTED;
                    } else {
                        field.append(c);
                    }
                }
                case ESCAPED -> {
                    field.append(c);
                    state = QUOTED;
                }
                default -> { // QUOTE_IN_QUOTED
                    if (c == quote) {
                        field.append(c);
                        state = QUOTED;
                    } else {
                        state = UNQUOTED;
                        i--; // the character after a closing quote is read as in an unquoted field
                        continue; // ... so it is not counted twice as a line break
                    }
                }
            }
            if (c == '\r' || (c == '\n' && !prevCr)) {
                line++;
            }
            prevCr = c == '\r';
        }
        if (complete && content && records.size() < max) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** The most title rows looked for above a header. */
    static final int MAX_TITLE_ROWS = 20;

    /**
     * The delimiter among {@link #DELIMITERS} that splits the header (the first record below any title rows,
     * see {@link #titleRows}) into at least two fields and gives the most sampled records the header's field
     * count. When none does and every sampled record is one field under some delimiter, the file is a single
     * column and that delimiter (a comma when possible) is returned; {@code 0} when neither holds.
     */
    static char detectDelimiter(String sample, boolean complete) {
        char best = 0;
        int bestFit = -1;
        int bestWidth = 0;
        char single = 0;
        for (char d : DELIMITERS) {
            List<List<String>> records = parse(sample, d, '"', '"', 200, complete);
            if (single == 0 && !records.isEmpty() && records.stream().allMatch(r -> r.size() == 1)) {
                single = d;
            }
            int first = titleRows(records);
            if (first >= records.size() || records.get(first).size() < 2) {
                continue;
            }
            int width = records.get(first).size();
            int fit = 0;
            for (List<String> r : records.subList(first, records.size())) {
                if (r.size() == width) {
                    fit++;
                }
            }
            if (fit > bestFit || (fit == bestFit && width > bestWidth)) {
                best = d;
                bestFit = fit;
                bestWidth = width;
            }
        }
        return best != 0 ? best : single;
    }

    /**
     * How many leading records are title rows above the header, as spreadsheet exports write them ("Sales
     * report 2024", "Exported on ...", often padded with empty cells): records whose only non-empty field is
     * the first, followed by a record with at least two non-empty fields. At most {@link #MAX_TITLE_ROWS};
     * 0 when no such header follows.
     */
    static int titleRows(List<List<String>> records) {
        int i = 0;
        while (i < records.size() && i < MAX_TITLE_ROWS && titleLike(records.get(i))) {
            i++;
        }
        if (i == 0 || i >= records.size()) {
            return 0;
        }
        long filled = records.get(i).stream().filter(f -> !f.isBlank()).count();
        return filled >= 2 ? i : 0;
    }

    private static boolean titleLike(List<String> record) {
        for (int k = 1; k < record.size(); k++) {
            if (!record.get(k).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of non-empty records in a file (header included), and a way to turn DuckDB's line numbers
     * into the physical line an editor shows. DuckDB counts line breaks outside quotes (empty lines too)
     * but not those inside quoted fields, so the two differ after every multi-line field.
     */
    static final class Count {
        private final long records;
        private final long[] lines;   // DuckDB line of a record start where the shift changed ...
        private final long[] shifts;  // ... and the quoted line breaks before it
        private final int size;
        private final long longestBytes;
        private final long longestLine;

        private Count(long records, long[] lines, long[] shifts, int size, long longestBytes, long longestLine) {
            this.records = records;
            this.lines = lines;
            this.shifts = shifts;
            this.size = size;
            this.longestBytes = longestBytes;
            this.longestLine = longestLine;
        }

        long records() {
            return records;
        }

        /** The length in bytes of the longest record (its line breaks excluded). */
        long longestBytes() {
            return longestBytes;
        }

        /** The 1-based physical line the longest record starts on. */
        long longestLine() {
            return longestLine;
        }

        /** The 1-based physical line on which the record DuckDB reports at {@code duckLine} starts. */
        long physicalLine(long duckLine) {
            int lo = 0;
            int hi = size - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (lines[mid] <= duckLine) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0 ? duckLine : duckLine + shifts[found];
        }
    }

    /**
     * Counts the non-empty records of a UTF-8 file, header included. A byte-level scan is enough because
     * the delimiter, quote and line breaks are ASCII and never occur inside a multi-byte UTF-8 sequence.
     */
    static Count countRecords(Path file, char delim, int quote, int escape) throws IOException {
        long records = 0;
        long outsideBreaks = 0;
        long insideBreaks = 0;
        long lastShift = 0;
        long[] lines = new long[16];
        long[] shifts = new long[16];
        int size = 0;
        boolean prevCr = false;
        int state = START;
        boolean content = false;
        byte d = (byte) delim;
        int q = quote < 0 ? 256 : quote;      // 256 never equals a byte value: "no quoting"
        int e = escape < 0 ? 257 : escape;
        boolean doubling = q == e;
        long pos = 0;
        long recordStart = 0;
        long recordLine = 1;
        long longestBytes = 0;
        long longestLine = 0;
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++, pos++) {
                    int c = buf[i] & 0xff;
                    boolean br = c == '\n' || c == '\r';
                    if (!content && state == START && !br) {
                        recordStart = pos;
                        recordLine = outsideBreaks + insideBreaks + 1;
                    }
                    if (br && (state == START || state == UNQUOTED || state == QUOTE_IN_QUOTED) && content
                            && pos - recordStart > longestBytes) {
                        longestBytes = pos - recordStart;
                        longestLine = recordLine;
                    }
                    boolean newBreak = c == '\r' || (c == '\n' && !prevCr);
                    prevCr = c == '\r';
                    if (state == QUOTED || state == ESCAPED) {
                        if (newBreak) {
                            insideBreaks++;
                        }
                    } else if (newBreak) {
                        outsideBreaks++;
                    }
                    if (!content && !br && insideBreaks != lastShift) {
                        // a record starts here; remember where the physical/DuckDB offset changed
                        if (size == lines.length) {
                            lines = java.util.Arrays.copyOf(lines, size * 2);
                            shifts = java.util.Arrays.copyOf(shifts, size * 2);
                        }
                        lines[size] = outsideBreaks + 1;
                        shifts[size] = insideBreaks;
                        size++;
                        lastShift = insideBreaks;
                    }
                    switch (state) {
                        case START, UNQUOTED -> {
                            if (br) {
                                if (content) {
                                    records++;
                                    content = false;
                                }
                                state = START;
                            } else if (c == d) {
                                state = START;
                                content = true;
                            } else {
                                state = state == START && c == q ? QUOTED : UNQUOTED;
                                content = true;
                            }
                        }
                        case QUOTED -> {
                            if (c == q) {
                                state = doubling ? QUOTE_IN_QUOTED : UNQUOTED;
                            } else if (c == e) {
                                state = ESCAPED;
                            }
                        }
                        case ESCAPED -> state = QUOTED;
                        default -> { // QUOTE_IN_QUOTED
                            if (c == q) {
                                state = QUOTED;
                            } else if (br) {
                                records++;
                                content = false;
                                state = START;
                            } else {
                                state = c == d ? START : UNQUOTED;
                            }
                        }
                    }
                }
            }
        }
        if (content && pos - recordStart > longestBytes) {
            longestBytes = pos - recordStart;
            longestLine = recordLine;
        }
        return new Count(content ? records + 1 : records, lines, shifts, size, longestBytes, longestLine);
    }

    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int ESCAPED = 4;
}
