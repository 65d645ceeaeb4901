package datasense.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datasense.tools.ColumnProfile;
import datasense.tools.Limits;
import datasense.tools.sql.DuckDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvIngestorTest {

    private static final IngestLimits LIMITS = new IngestLimits(50_000_000, 1_000_000);

    @TempDir
    Path tmp;

    private Path upload(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve("uploads").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private Path upload(String name, String text) throws IOException {
        return upload(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path dir() {
        return tmp.resolve("ds");
    }

    private IngestReport ingest(Path source) throws IngestException {
        return new CsvIngestor().ingest(source, dir(), "t", LIMITS);
    }

    private IngestException failure(Path source, IngestLimits limits) {
        return catchThrowableOfType(IngestException.class,
                () -> new CsvIngestor().ingest(source, dir(), "t", limits));
    }

    /** Rows of the written Parquet file, each cell as DuckDB prints it (null stays null). */
    private List<List<String>> rows(IngestReport r, String orderBy) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = DuckDb.open(List.of(dir()), Limits.defaults()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM read_parquet("
                     + DuckDb.quoteLiteral(r.parquet().toString()) + ") ORDER BY " + orderBy)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static ColumnProfile col(IngestReport r, String name) {
        ColumnProfile p = r.schema().column(name);
        assertThat(p).as("column " + name).isNotNull();
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void readsEachDelimiter(String d) throws Exception {
        String text = String.join(d, "id", "name", "price") + "\n"
                + String.join(d, "1", "apple", "1.5") + "\n"
                + String.join(d, "2", "pear", "2.25") + "\n"
                + String.join(d, "3", "fig", "") + "\n";
        IngestReport r = ingest(upload("f.csv", text));

        assertThat(r.delimiter()).isEqualTo(d);
        assertThat(r.rowsIngested()).isEqualTo(3);
        assertThat(r.rowsRejected()).isZero();
        assertThat(r.dataLines()).isEqualTo(3);
        assertThat(r.schema().columns()).extracting(ColumnProfile::name).containsExactly("id", "name", "price");
        assertThat(r.schema().columns()).extracting(ColumnProfile::type).containsExactly("BIGINT", "VARCHAR", "DOUBLE");
        assertThat(col(r, "price").nulls()).isEqualTo(1);
        assertThat(rows(r, "id")).containsExactly(List.of("1", "apple", "1.5"), List.of("2", "pear", "2.25"),
                java.util.Arrays.asList("3", "fig", null));
        assertThat(Files.exists(dir().resolve("data.parquet"))).isTrue();
        assertThat(Files.readString(dir().resolve("data.csv"))).isEqualTo(text);
    }

    @Test
    void quotedFieldsKeepDelimitersNewlinesAndQuotes() throws Exception {
        String text = "id,comment,amount\r\n"
                + "1,\"Smith, John\",10\r\n"
                + "2,\"two\r\nlines, and a comma\",20\r\n"
                + "3,\"she said \"\"hi\"\"\",30\r\n";
        IngestReport r = ingest(upload("q.csv", text));

        assertThat(r.dataLines()).isEqualTo(3);
        assertThat(r.rowsIngested()).isEqualTo(3);
        assertThat(rows(r, "id")).extracting(row -> row.get(1))
                .containsExactly("Smith, John", "two\r\nlines, and a comma", "she said \"hi\"");
    }

    @Test
    void stripsUtf8Bom() throws Exception {
        byte[] body = "name,score\nZoë,1\nÅsa,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        IngestReport r = ingest(upload("bom.csv", bytes));

        assertThat(r.encoding()).isEqualTo("UTF-8 (BOM)");
        assertThat(r.schema().columns().get(0).name()).isEqualTo("name");
        assertThat(rows(r, "score")).extracting(row -> row.get(0)).containsExactly("Zoë", "Åsa");
        assertThat(Files.readAllBytes(r.csv())).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16LE-nobom"})
    void readsUtf16(String variant) throws Exception {
        String text = "city,temp\nZürich,3\nSão Paulo,28\n";
        boolean bom = !variant.endsWith("nobom");
        Charset cs = Charset.forName(variant.replace("-nobom", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.write(cs.name().equals("UTF-16LE") ? new byte[]{(byte) 0xFF, (byte) 0xFE} : new byte[]{(byte) 0xFE, (byte) 0xFF});
        }
        out.write(text.getBytes(cs));
        IngestReport r = ingest(upload("u16.csv", out.toByteArray()));

        assertThat(r.encoding()).isEqualTo(cs.name());
        assertThat(r.bytes()).isEqualTo(out.size());
        assertThat(Files.readString(r.csv())).isEqualTo(text);
        assertThat(rows(r, "temp")).extracting(row -> row.get(0)).containsExactly("Zürich", "São Paulo");
    }

    @Test
    void fallsBackToWindows1252() throws Exception {
        byte[] bytes = "product,price\nCafé crème,2.5\nSmart \u2013 phone,3\n".getBytes(Charset.forName("windows-1252"));
        IngestReport r = ingest(upload("latin.csv", bytes));

        assertThat(r.encoding()).isEqualTo("windows-1252");
        assertThat(rows(r, "price")).extracting(row -> row.get(0)).containsExactly("Café crème", "Smart \u2013 phone");
        assertThat(Files.readString(r.csv(), StandardCharsets.UTF_8)).contains("Café crème");
    }

    @Test
    void inflatesGzipAndReportsDecompressedBytes() throws Exception {
        StringBuilder sb = new StringBuilder("k,v\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i).append(",value ").append(i % 7).append('\n');
        }
        byte[] plain = sb.toString().getBytes(StandardCharsets.UTF_8);
        IngestReport r = ingest(upload("g.csv.gz", gzip(plain)));

        assertThat(r.bytes()).isEqualTo(plain.length);
        assertThat(r.rowsIngested()).isEqualTo(1000);
        assertThat(Files.readAllBytes(r.csv())).isEqualTo(plain);
        assertThat(col(r, "v").values()).hasSize(7).startsWith("value 0");
    }

    @Test
    void parsesMonthDayYearAndIsoDates() throws Exception {
        String text = "Order Date,Ship Date,qty\n5/8/2017,2017-05-10,1\n12/31/2017,2018-01-02,2\n1/2/2018,2018-01-05,3\n";
        IngestReport r = ingest(upload("d.csv", text));

        assertThat(col(r, "Order Date").type()).isEqualTo("DATE");
        assertThat(col(r, "Order Date").min()).isEqualTo("2017-05-08");
        assertThat(col(r, "Order Date").max()).isEqualTo("2018-01-02");
        assertThat(rows(r, "qty")).extracting(row -> row.get(0)).containsExactly("2017-05-08", "2017-12-31", "2018-01-02");
        // one date format per file is what DuckDB allows; the other date column stays readable as text
        assertThat(rows(r, "qty")).extracting(row -> row.get(1)).containsExactly("2017-05-10", "2018-01-02", "2018-01-05");
    }

    @Test
    void isoDatesAloneAreDates() throws Exception {
        IngestReport r = ingest(upload("iso.csv", "day,n\n2024-02-29,1\n2024-03-01,2\n"));
        assertThat(col(r, "day").type()).isEqualTo("DATE");
        assertThat(col(r, "day").max()).isEqualTo("2024-03-01");
    }

    @Test
    void monthsWrittenYearDashMonthAreDatesOfTheirFirstDay() throws Exception {
        IngestReport r = ingest(upload("pay.csv", "month,period,pay\n2024-01,2024-01,10\n2024-12,,20\n2024-03,Q1,30\n"));
        assertThat(col(r, "month").type()).isEqualTo("DATE");
        assertThat(col(r, "month").max()).isEqualTo("2024-12-01");
        assertThat(col(r, "month").min()).isEqualTo("2024-01-01");
        // a column with one value that is no month stays text
        assertThat(col(r, "period").type()).isEqualTo("VARCHAR");
    }

    @Test
    void numbersWithThousandsSeparatorsAreNumbersAndDashesAreMissing() throws Exception {
        String text = "venue,attendance,gate,code\nA,\"1,638\",\"2,500.50\",\"1,2\"\nB,425,—,\"3,4\"\n"
                + "C,\"30,000\",\"1,000.25\",\"5,6\"\nD,-,\"12.5\",\"7,8\"\n";
        IngestReport r = ingest(upload("sep.csv", text));

        assertThat(col(r, "attendance").type()).isEqualTo("BIGINT");
        assertThat(col(r, "attendance").max()).isEqualTo("30000");
        assertThat(col(r, "attendance").nulls()).isEqualTo(1);
        assertThat(col(r, "gate").type()).isEqualTo("DOUBLE");
        // "1,2" is not a number written with a thousands separator: the column stays text, as written
        assertThat(col(r, "code").type()).isEqualTo("VARCHAR");
        assertThat(rows(r, "venue")).extracting(row -> row.get(1)).containsExactly("1638", "425", "30000", null);
    }

    @Test
    void numbersWrittenWithSpacesCurrencyPercentMarksAndFootnotesAreNumbers() throws Exception {
        String text = "name,people,prize,share,par,elected,zip,mixed,score\n"
                + "A,1 420 436,\"£6,600\",8.6%,−7,2008†,01 234,$5,19.800 (1)\n"
                + "B,87 850,\"£56,760.56\",31%,-9,2011[a],02 345,€7,19.700 (3)\n"
                + "C,—,£55,n/a,+ 3,1976,75 001,$9,19.600 (2)\n";
        IngestReport r = ingest(upload("written.csv", text));

        assertThat(col(r, "people").type()).isEqualTo("BIGINT");
        assertThat(col(r, "prize").type()).isEqualTo("DOUBLE");
        assertThat(col(r, "share").type()).isEqualTo("DOUBLE");
        assertThat(col(r, "par").type()).isEqualTo("BIGINT");
        assertThat(col(r, "elected").type()).isEqualTo("BIGINT");
        // codes with a leading zero ("01 234"), two currencies in one column, and a figure with a rank beside it stay text
        assertThat(col(r, "zip").type()).isEqualTo("VARCHAR");
        assertThat(col(r, "mixed").type()).isEqualTo("VARCHAR");
        assertThat(col(r, "score").type()).isEqualTo("VARCHAR");
        assertThat(rows(r, "name")).extracting(row -> row.subList(1, 6))
                .containsExactly(
                        List.of("1420436", "6600.0", "8.6", "-7", "2008"),
                        List.of("87850", "56760.56", "31.0", "-9", "2011"),
                        Arrays.asList(null, "55.0", null, "3", "1976"));
    }

    @Test
    void aLineBreakInsideAQuotedHeaderNameStaysInTheName() throws Exception {
        String text = "\"id\",\"arrival\ndate\",\"notes\"\n\"1\",\"2004-02-27\",\"first\nsecond\"\n\"2\",\"2004-03-01\",\"x\"\n";
        IngestReport r = ingest(upload("nl.csv", text));
        assertThat(r.rowsIngested()).isEqualTo(2);
        assertThat(r.rowsRejected()).isZero();
        assertThat(r.schema().columns()).hasSize(3);
        assertThat(rows(r, "id")).extracting(row -> row.get(2)).containsExactly("first\nsecond", "x");
    }

    @Test
    void quotedFieldsWithLineBreaksAndBackslashEscapesAreReadThoughTheSnifferMissesTheQuote() throws Exception {
        // shaped like a wiki export: names and notes span lines, quotes inside are escaped with a backslash
        String text = "\"ref\",\"name\",\"arrival\ndate\",\"departure\ndate\",\"notes\"\n"
                + "\"12\",\"Ada Pole\",\"\",\"2004-02-27\",\"Moved to Oslo on January 3, 2004.[note]\n"
                + "Seen again on 24 February 2004 with six others.\nAlso called \\\"Ada P.\\\".\"\n"
                + "\"31\",\"Ben Rook\",\"2002-01-21\",\"2004-02-27\",\"Moved to Oslo on January 3, 2004.[note]\n"
                + "Seen again on 24 February 2004 with six others.\nKnown as \\\"the rook\\\".\"\n";
        IngestReport r = ingest(upload("wiki.csv", text));
        assertThat(r.rowsIngested()).isEqualTo(2);
        assertThat(r.schema().columns()).extracting(c -> c.name()).containsExactly("ref", "name", "arrival date",
                "departure date", "notes");
        assertThat(col(r, "ref").type()).isEqualTo("BIGINT");
        assertThat(rows(r, "ref")).extracting(row -> row.get(4)).last().asString().endsWith("Known as \"the rook\".");
    }

    @Test
    void emptyCellsAreNullsInTheProfile() throws Exception {
        String text = "region,sales,note\nWest,1,\nEast,,x\n,3,\nWest,4,y\n";
        IngestReport r = ingest(upload("n.csv", text));

        assertThat(col(r, "region").nulls()).isEqualTo(1);
        assertThat(col(r, "sales").nulls()).isEqualTo(1);
        assertThat(col(r, "note").nulls()).isEqualTo(2);
        assertThat(col(r, "region").distinct()).isEqualTo(2);
        assertThat(col(r, "region").values()).containsExactly("West", "East");
        assertThat(r.schema().rows()).isEqualTo(4);
    }

    @Test
    @Tag("fault")
    void raggedRowsAreRejectedAndReportedWithLineNumbers() throws Exception {
        StringBuilder sb = new StringBuilder("id,name,amount\n");
        sb.append("1,\"multi\nline\",5\n");            // lines 2-3
        for (int i = 2; i <= 20; i++) {
            sb.append(i).append(",n").append(i).append(',').append(i * 10).append('\n');
        }                                               // lines 4-22
        sb.append("21,too,many,fields\n");             // line 23
        sb.append("22,short\n");                       // line 24
        sb.append("23,ok,230\n\n\n");                   // line 25, then trailing blank lines
        IngestReport r = ingest(upload("r.csv", sb.toString()));

        assertThat(r.dataLines()).isEqualTo(23);
        assertThat(r.rowsRejected()).isEqualTo(2);
        assertThat(r.rowsIngested()).isEqualTo(21);
        assertThat(r.rowsIngested() + r.rowsRejected()).isEqualTo(r.dataLines());
        assertThat(r.rejected()).extracting(RejectedLine::line).containsExactly(23L, 24L);
        assertThat(r.rejected().get(0).reason()).contains("TOO MANY COLUMNS");
        assertThat(r.rejected().get(0).text()).isEqualTo("21,too,many,fields");
        assertThat(r.rejected().get(1).reason()).contains("MISSING COLUMNS");
        assertThat(col(r, "amount").type()).isEqualTo("BIGINT");
        assertThat(col(r, "amount").max()).isEqualTo("230");
    }

    @Test
    @Tag("fault")
    void refusesFileWhereMostRowsAreBad() throws Exception {
        String text = "a,b,c\n1,2,3\n1,2\n1\n1,2,3,4\n";
        IngestException e = failure(upload("bad.csv", text), LIMITS);

        assertThat(e.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(e.getMessage()).contains("3 of 4 data lines");
        assertThat(e.line()).isEqualTo(3);
        assertThat(Files.exists(dir().resolve("data.parquet"))).isFalse();
    }

    @Test
    @Tag("fault")
    void refusesEmptyHeaderOnlyAndBinaryFiles() throws Exception {
        IngestException empty = failure(upload("empty.csv", ""), LIMITS);
        assertThat(empty.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(empty.getMessage()).contains("empty");

        IngestException blank = failure(upload("blank.csv", "\n\n  \n"), LIMITS);
        assertThat(blank.code()).isEqualTo(IngestException.UNREADABLE);

        IngestException header = failure(upload("header.csv", "a,b,c\n"), LIMITS);
        assertThat(header.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(header.getMessage()).contains("no data lines");

        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[100] = 0;
        IngestException binary = failure(upload("bin.csv", garbage), LIMITS);
        assertThat(binary.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(binary.getMessage()).contains("binary");
        assertThat(binary.line()).isPositive();

        IngestException nul = failure(upload("nul.csv", "a,b\n1,2\n3,\u00004\n"), LIMITS);
        assertThat(nul.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(nul.line()).isEqualTo(3);

        IngestException xlsx = failure(upload("book.csv", new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0}), LIMITS);
        assertThat(xlsx.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(xlsx.getMessage()).contains("ZIP");

        IngestException prose = failure(upload("prose.csv", "Dear team, hello\nplease find attached\n"), LIMITS);
        assertThat(prose.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(prose.getMessage()).contains("1 of 1 data lines could not be read").contains("line 2");
        assertThat(Files.exists(dir().resolve("data.parquet"))).isFalse();
        assertThat(Files.exists(dir().resolve("data.csv"))).isFalse();
    }

    @Test
    @Tag("fault")
    void countsDecompressedBytesAgainstTheLimit() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        while (sb.length() < 2_000_000) {
            sb.append("1234567890,abcdefghij\n");
        }
        byte[] gz = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(gz.length).isLessThan(100_000);

        IngestException e = failure(upload("bomb.csv.gz", gz), new IngestLimits(1_000_000, 1_000_000));

        assertThat(e.code()).isEqualTo(IngestException.TOO_LARGE);
        assertThat(dir().toFile().list()).isEmpty();
    }

    @Test
    @Tag("fault")
    void refusesMoreRowsThanAllowed() throws Exception {
        IngestException e = failure(upload("rows.csv", "a,b\n1,2\n3,4\n5,6\n"), new IngestLimits(1_000_000, 2));
        assertThat(e.code()).isEqualTo(IngestException.TOO_LARGE);
        assertThat(e.getMessage()).contains("3 data lines");
    }

    @Test
    @Tag("fault")
    void failureLeavesNoFilesBehind() throws Exception {
        Files.createDirectories(dir());
        IngestException e = failure(upload("bad.csv", "a,b\n1\n2\n3,4\n"), LIMITS);

        assertThat(e).isNotNull();
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void rewritesDataCsvInPlaceAndKeepsItOnFailure() throws Exception {
        Files.createDirectories(dir());
        Path csv = dir().resolve("data.csv");
        Files.write(csv, "name,n\nNaïve,1\n".getBytes(StandardCharsets.ISO_8859_1));
        IngestReport r = ingest(csv);

        assertThat(r.csv()).isEqualTo(csv.toAbsolutePath());
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("name,n\nNaïve,1\n");
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data.csv", "data.parquet");
        }

        Files.delete(dir().resolve("data.parquet"));
        Files.writeString(csv, "a,b\n");
        assertThat(failure(csv, LIMITS).code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(Files.exists(csv)).isTrue();
        assertThat(Files.exists(dir().resolve("data.parquet"))).isFalse();
    }

    @Test
    void cleansColumnNames() throws Exception {
        IngestReport r = ingest(upload("names.csv", " Sales , ,sales,Sales,x\n1,2,3,4,5\n"));
        assertThat(r.schema().columns()).extracting(ColumnProfile::name)
                .containsExactly("Sales", "column_2", "sales_2", "Sales_3", "x");
        assertThat(rows(r, "x").get(0)).containsExactly("1", "2", "3", "4", "5");
        // a header wrapped over two lines in a spreadsheet is one name with a space
        IngestReport wrapped = ingest(upload("wrapped.csv", "\"UCI ProTour\nPoints\",Rider\n40,Ada\n"));
        assertThat(wrapped.schema().columns()).extracting(ColumnProfile::name).containsExactly("UCI ProTour Points", "Rider");
    }

    @Test
    void widensTypesWhenLaterValuesDoNotFitTheSample() throws Exception {
        StringBuilder sb = new StringBuilder("id,qty,code\n");
        int n = 60_000;   // well past the sniffer's sample
        for (int i = 1; i <= n; i++) {
            String qty = i == n - 5 ? "2.5" : Integer.toString(i % 10);
            String code = i == n - 3 ? "N/A" : Integer.toString(i);
            sb.append(i).append(',').append(qty).append(',').append(code).append('\n');
        }
        IngestReport r = ingest(upload("late.csv", sb.toString()));

        assertThat(r.rowsRejected()).isZero();
        assertThat(r.rowsIngested()).isEqualTo(n);
        assertThat(col(r, "qty").type()).isEqualTo("DOUBLE");
        assertThat(col(r, "qty").max()).isEqualTo("9.0");
        assertThat(col(r, "code").type()).isEqualTo("VARCHAR");
        assertThat(col(r, "id").type()).isEqualTo("BIGINT");
    }

    @Test
    void listsAllTextValuesMostFrequentFirst() throws Exception {
        StringBuilder sb = new StringBuilder("region,n\n");
        String[] regions = {"West", "East", "East", "Central", "East", "West", "South", "East"};
        for (int i = 0; i < regions.length; i++) {
            sb.append(regions[i]).append(',').append(i).append('\n');
        }
        IngestReport r = ingest(upload("v.csv", sb.toString()));

        assertThat(col(r, "region").values()).containsExactly("East", "West", "Central", "South");
        assertThat(col(r, "region").distinct()).isEqualTo(4);
        assertThat(col(r, "n").values()).hasSize(5);
        assertThat(col(r, "n").min()).isEqualTo("0");
        assertThat(col(r, "n").max()).isEqualTo("7");
    }

    @Test
    void acceptsASingleColumn() throws Exception {
        IngestReport r = ingest(upload("ids.csv", "amount\n10\n20.5\n\n30\n"));

        assertThat(r.schema().columns()).extracting(ColumnProfile::name).containsExactly("amount");
        assertThat(col(r, "amount").type()).isEqualTo("DOUBLE");
        assertThat(r.rowsIngested()).isEqualTo(3);
        assertThat(rows(r, "amount")).containsExactly(List.of("10.0"), List.of("20.5"), List.of("30.0"));

        IngestReport quoted = ingest(upload("names.csv", "name\n\"Smith, John\"\nAda\n"));
        assertThat(quoted.schema().columns()).extracting(ColumnProfile::name).containsExactly("name");
        assertThat(rows(quoted, "name")).containsExactly(List.of("Ada"), List.of("Smith, John"));
    }

    @Test
    void aBareCarriageReturnInsideQuotesStaysInTheField() throws Exception {
        String text = "id,note,amount\n1,\"first\rsecond\",10\n2,plain,20\n3,\"a\r\",30\n";
        IngestReport r = ingest(upload("cr.csv", text));

        assertThat(r.dataLines()).isEqualTo(3);
        assertThat(r.rowsRejected()).isZero();
        assertThat(rows(r, "id")).extracting(row -> row.get(1)).containsExactly("first\rsecond", "plain", "a\r");
        assertThat(col(r, "amount").type()).isEqualTo("BIGINT");
    }

    @Test
    @Tag("fault")
    void aLongLineWithinTheLimitIsReadAndOneBeyondItIsRefusedWithItsLine() throws Exception {
        String long3mb = "x".repeat(3_000_000);
        IngestReport r = ingest(upload("long.csv", "id,text\n1," + long3mb + "\n2,short\n"));
        assertThat(r.rowsIngested()).isEqualTo(2);
        assertThat(rows(r, "id").get(0).get(1)).hasSize(3_000_000);

        Files.delete(r.parquet());
        String tooLong = "y".repeat(CsvIngestor.MAX_LINE_BYTES + 10);
        IngestException e = failure(upload("longer.csv", "id,text\n1,a\n2," + tooLong + "\n3,b\n"), LIMITS);
        assertThat(e.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).as(e.getMessage()).contains("Line 3").contains("MB").doesNotContain("null");
        assertThat(Files.exists(dir().resolve("data.parquet"))).isFalse();
    }

    @Test
    void findsTheHeaderBelowTitleRows() throws Exception {
        String text = "Sales report 2024,,\nExported by finance,,\n\nregion,sales,units\nNorth,10.5,1\nSouth,20,2\nNorth,\"3\",3\n";
        IngestReport r = ingest(upload("titled.csv", text));

        assertThat(r.headerLine()).isEqualTo(4);
        assertThat(r.header()).isEqualTo("detected");
        assertThat(r.schema().columns()).extracting(ColumnProfile::name).containsExactly("region", "sales", "units");
        assertThat(r.dataLines()).isEqualTo(3);
        assertThat(r.rowsIngested()).isEqualTo(3);
        assertThat(col(r, "sales").type()).isEqualTo("DOUBLE");
        assertThat(rows(r, "units")).extracting(row -> row.get(0)).containsExactly("North", "South", "North");

        IngestReport plain = ingest(upload("plain.csv", "a,b\n1,2\n"));
        assertThat(plain.headerLine()).isEqualTo(1);
        assertThat(plain.header()).isEqualTo("first_line");
    }

    @Test
    void theUploadMayNameTheHeaderLine() throws Exception {
        // a title with as many fields as the data: only the upload can say which line names the columns
        String text = "Quarter,Report,Q3\nregion,sales,units\nNorth,10,1\nSouth,20,2\n";
        IngestReport r = new CsvIngestor().ingest(upload("named.csv", text), dir(), "t", LIMITS, 2);

        assertThat(r.headerLine()).isEqualTo(2);
        assertThat(r.header()).isEqualTo("given");
        assertThat(r.schema().columns()).extracting(ColumnProfile::name).containsExactly("region", "sales", "units");
        assertThat(r.rowsIngested()).isEqualTo(2);

        IngestException beyond = catchThrowableOfType(IngestException.class,
                () -> new CsvIngestor().ingest(upload("short.csv", "a,b\n1,2\n"), dir(), "t", LIMITS, 9));
        assertThat(beyond.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(beyond.getMessage()).contains("header_row 9");
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
