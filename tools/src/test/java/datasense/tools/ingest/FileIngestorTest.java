package datasense.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datasense.tools.ColumnProfile;
import datasense.tools.Limits;
import datasense.tools.sql.DuckDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

class FileIngestorTest {

    private static final IngestLimits LIMITS = new IngestLimits(5_000_000, 100_000);

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

    private IngestReport ingest(Path source, String name, String type) throws IngestException {
        return new FileIngestor().ingest(source, dir(), "t", LIMITS, name, type, 0);
    }

    private IngestException failure(Path source, String name, String type, IngestLimits limits) {
        return catchThrowableOfType(IngestException.class,
                () -> new FileIngestor().ingest(source, dir(), "t", limits, name, type, 0));
    }

    /** A Parquet file written by DuckDB itself, with the types a real export has. */
    private Path parquet(String name) throws Exception {
        Path p = tmp.resolve("uploads").resolve(name);
        Files.createDirectories(p.getParent());
        try (Connection c = DuckDb.open(List.of(p.getParent()), Limits.defaults()); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i::INTEGER AS id, 'r' || (i % 3) AS region, (i * 1.25)::DECIMAL(10,2) AS amount,"
                    + " DATE '2024-01-01' + i::INTEGER AS day, {'name': 'c' || i, 'address': {'city': 'X' || (i % 2)}} AS customer,"
                    + " [i, i + 1] AS tags, i % 2 = 0 AS even, TIMESTAMPTZ '2024-01-01 00:00:00+00' AS at"
                    + " FROM range(1, 11) t(i)) TO " + DuckDb.quoteLiteral(p.toString()) + " (FORMAT parquet)");
        }
        return p;
    }

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

    private static List<String> types(IngestReport r) {
        return r.schema().columns().stream().map(c -> c.name() + ":" + c.type()).toList();
    }

    @Test
    void readsParquetIntoPlainTypesWithNestedFieldsFlattened() throws Exception {
        IngestReport r = ingest(parquet("orders.parquet"), "orders.parquet", "application/octet-stream");

        assertThat(r.format()).isEqualTo("parquet");
        assertThat(r.compression()).isNull();
        assertThat(r.rowsIngested()).isEqualTo(10);
        assertThat(types(r)).containsExactly("id:BIGINT", "region:VARCHAR", "amount:DOUBLE", "day:DATE",
                "customer.name:VARCHAR", "customer.address.city:VARCHAR", "tags:VARCHAR", "even:BOOLEAN", "at:TIMESTAMP");
        assertThat(rows(r, "id").get(0)).containsExactly("1", "r1", "1.25", "2024-01-02", "c1", "X1", "[1,2]", "false",
                "2024-01-01 00:00:00.0");
        assertThat(r.schema().column("region").values()).containsExactly("r1", "r0", "r2"); // most frequent first, ties by value
        assertThat(r.csv()).isNull(); // the upload as sent is the record; no CSV copy is made
        assertThat(dir().resolve("data.csv")).doesNotExist();
    }

    @Test
    void aParquetFileAlreadyInPlainTypesIsKeptAsItIsAndOneWithOtherTypesOrNamesIsRewritten() throws Exception {
        Path plain = tmp.resolve("uploads").resolve("plain.parquet");
        Path other = tmp.resolve("uploads").resolve("other.parquet");
        Files.createDirectories(plain.getParent());
        try (Connection c = DuckDb.open(List.of(plain.getParent()), Limits.defaults()); Statement st = c.createStatement()) {
            String rows = " FROM range(1, 6) t(i)) TO ";
            st.execute("COPY (SELECT i AS id, 'r' || i AS region, i * 1.5::DOUBLE AS amount, DATE '2024-01-01' + i::INTEGER AS day"
                    + rows + DuckDb.quoteLiteral(plain.toString()) + " (FORMAT parquet)");
            // a 32-bit integer and a repeated name (DuckDB writes it as given) need the typed copy
            st.execute("COPY (SELECT i::INTEGER AS id, i AS \"Id\"" + rows + DuckDb.quoteLiteral(other.toString())
                    + " (FORMAT parquet)");
        }

        IngestReport kept = ingest(plain, "plain.parquet", null);
        assertThat(types(kept)).containsExactly("id:BIGINT", "region:VARCHAR", "amount:DOUBLE", "day:DATE");
        assertThat(Files.mismatch(kept.parquet(), plain)).isEqualTo(-1L);

        IngestReport rewritten = new FileIngestor().ingest(other, tmp.resolve("other"), "other", LIMITS, "other.parquet", null, 0);
        assertThat(Files.mismatch(rewritten.parquet(), other)).isNotEqualTo(-1L);
        assertThat(types(rewritten)).hasSize(2).allMatch(t -> t.endsWith(":BIGINT"));
        assertThat(rewritten.rowsIngested()).isEqualTo(5);
    }

    @Test
    void readsAJsonArrayFlatteningObjectsAndKeepingArraysAsJsonText() throws Exception {
        String json = """
                [
                  {"id": 1, "region": "West", "sales": 10, "when": "2024-03-01", "customer": {"name": "Ann", "vip": true},
                   "items": [{"sku": "a"}, {"sku": "b"}]},
                  {"id": 2, "region": "East", "sales": 2.5, "when": "2024-03-02", "customer": {"name": "Bo", "vip": false},
                   "items": []},
                  {"id": 3, "region": null, "sales": 7, "when": "2024-03-03", "customer": {}, "note": "late", "code": 12},
                  {"id": 4, "region": "West", "code": "A7", "at": "2024-03-04T10:15:00Z"}
                ]""";
        IngestReport r = ingest(upload("dump.json", json), "dump.json", "application/json");

        assertThat(r.format()).isEqualTo("json");
        assertThat(r.rowsIngested()).isEqualTo(4);
        assertThat(types(r)).containsExactly("id:BIGINT", "region:VARCHAR", "sales:DOUBLE", "when:DATE",
                "customer.name:VARCHAR", "customer.vip:BOOLEAN", "items:VARCHAR", "note:VARCHAR", "code:VARCHAR",
                "at:TIMESTAMP");
        assertThat(rows(r, "id")).extracting(row -> row.get(6))
                .containsExactly("[{\"sku\":\"a\"},{\"sku\":\"b\"}]", "[]", null, null);
        assertThat(rows(r, "id")).extracting(row -> row.get(8)).containsExactly(null, null, "12", "A7");
        ColumnProfile region = r.schema().column("region");
        assertThat(region.nulls()).isEqualTo(1);
        assertThat(region.values()).containsExactly("West", "East");
    }

    @Test
    void readsNdjsonAndGzipOfIt() throws Exception {
        String ndjson = "{\"k\":\"a\",\"v\":1}\n{\"k\":\"b\",\"v\":2}\n\n{\"k\":\"a\",\"v\":3}\n";
        IngestReport plain = ingest(upload("events.ndjson", ndjson), "events.ndjson", null);
        assertThat(plain.format()).isEqualTo("ndjson");
        assertThat(types(plain)).containsExactly("k:VARCHAR", "v:BIGINT");
        assertThat(plain.rowsIngested()).isEqualTo(3);

        IngestReport gz = ingest(upload("events.jsonl.gz", gzip(ndjson.getBytes(StandardCharsets.UTF_8))),
                "events.jsonl.gz", "application/gzip");
        assertThat(gz.format()).isEqualTo("ndjson");
        assertThat(gz.compression()).isEqualTo("gzip");
        assertThat(gz.bytes()).isEqualTo(ndjson.length());
        assertThat(rows(gz, "v")).extracting(row -> row.get(0)).containsExactly("a", "b", "a");

        IngestReport pq = ingest(upload("orders.bin", gzip(Files.readAllBytes(parquet("o.parquet")))), "orders.bin", null);
        assertThat(pq.format()).isEqualTo("parquet");
        assertThat(pq.compression()).isEqualTo("gzip");
        assertThat(pq.rowsIngested()).isEqualTo(10);
    }

    @Test
    void aListOfPlainValuesIsOneValueColumn() throws Exception {
        IngestReport r = ingest(upload("ids", "[3, 1, 2]"), "ids", null);
        assertThat(types(r)).containsExactly("value:BIGINT");
        assertThat(rows(r, "value")).extracting(row -> row.get(0)).containsExactly("1", "2", "3");
    }

    @Test
    void brokenJsonNamesItsLineAndLeavesNothing() throws Exception {
        String ndjson = "{\"a\":1}\n{\"a\":2}\n{\"a\":3,}\n{\"a\":4}\n";
        IngestException e = failure(upload("bad.ndjson", ndjson), "bad.ndjson", null, LIMITS);
        assertThat(e.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("Line 3, column").contains("record 3");

        IngestException notRecords = failure(upload("s.json", "\"hello\""), "s.json", null, LIMITS);
        assertThat(notRecords.getMessage()).contains("does not hold JSON records");
        IngestException empty = failure(upload("e.json", "[]"), "e.json", null, LIMITS);
        assertThat(empty.getMessage()).contains("no records");
        IngestException mixed = failure(upload("m.ndjson", "{\"a\":1}\n[1,2]\n"), "m.ndjson", null, LIMITS);
        assertThat(mixed.getMessage()).contains("Line 2").contains("expected an object");
        assertNothingWritten();
    }

    @Test
    void decidesTheFormatFromBytesThenNameThenContentType() throws Exception {
        Path json = upload("noext", "[{\"a\":1,\"b\":2}]");
        assertThat(SourceFormat.detect(json, "noext", null).format()).isEqualTo(SourceFormat.JSON);
        assertThat(SourceFormat.detect(json, "noext.csv", null).format()).isEqualTo(SourceFormat.CSV);
        Path lines = upload("lines", "{\"a\":1}\n{\"a\":2}\n");
        assertThat(SourceFormat.detect(lines, null, null).format()).isEqualTo(SourceFormat.NDJSON);
        assertThat(SourceFormat.detect(lines, "x", "text/csv").format()).isEqualTo(SourceFormat.CSV);
        Path csv = upload("c", "a,b\n1,2\n");
        assertThat(SourceFormat.detect(csv, "c", "application/json").format()).isEqualTo(SourceFormat.JSON);
        assertThat(SourceFormat.detect(csv, "c", null)).isEqualTo(new SourceFormat.Detected(SourceFormat.CSV, false));
        assertThat(SourceFormat.detect(parquet("p.parquet"), "p.csv", "text/csv").format()).isEqualTo(SourceFormat.PARQUET);

        IngestException pdf = failure(upload("doc.csv", "%PDF-1.7\n..."), "doc.csv", null, LIMITS);
        assertThat(pdf.code()).isEqualTo(IngestException.UNSUPPORTED);
        assertThat(pdf.getMessage()).contains("PDF");
        assertThat(pdf.hint()).contains("Parquet").contains("NDJSON");
        IngestException fake = failure(upload("fake.parquet", "a,b\n1,2\n"), "fake.parquet", null, LIMITS);
        assertThat(fake.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(fake.getMessage()).contains("PAR1");

        assertThat(SourceFormat.acceptable("x.parquet", "application/vnd.apache.parquet")).isTrue();
        assertThat(SourceFormat.acceptable("x.jsonl.gz", "application/gzip")).isTrue();
        assertThat(SourceFormat.acceptable("data", null)).isTrue();
        assertThat(SourceFormat.acceptable("x.xls", null)).isFalse();
        assertThat(SourceFormat.acceptable("x.json", "image/png")).isFalse();
    }

    @Test
    void aTruncatedParquetFileIsRefusedClearly() throws Exception {
        byte[] whole = Files.readAllBytes(parquet("whole.parquet"));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        IngestException e = failure(upload("half.parquet", half), "half.parquet", null, LIMITS);
        assertThat(e.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(e.getMessage()).startsWith("The file could not be read as Parquet");
        assertNothingWritten();
    }

    @Test
    @Tag("fault")
    void aGzipBombStopsAtTheLimit() throws Exception {
        byte[] bomb = gzip(("[" + "{\"a\":1},".repeat(2_000_000) + "{\"a\":1}]").getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(200_000);
        IngestException e = failure(upload("bomb.json.gz", bomb), "bomb.json.gz", null, LIMITS);
        assertThat(e.code()).isEqualTo(IngestException.TOO_LARGE);
        assertThat(e.getMessage()).contains("decompressed");
        assertNothingWritten();

        IngestException rows = failure(upload("many.ndjson", "{\"a\":1}\n".repeat(20)), "many.ndjson", null,
                new IngestLimits(1_000_000, 10));
        assertThat(rows.code()).isEqualTo(IngestException.TOO_LARGE);
        assertNothingWritten();
    }

    @Test
    @Tag("fault")
    void aGzipBombIsRefusedByItsRatioLongBeforeAGenerousLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] rows = "1,2\n".repeat(250_000).getBytes(StandardCharsets.UTF_8); // 1 MB
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 200; i++) { // 200 MB of the same row
                gz.write(rows);
            }
        }
        IngestLimits generous = new IngestLimits(1L << 30, 100_000_000);
        IngestException e = failure(upload("bomb.csv.gz", out.toByteArray()), "bomb.csv.gz", null, generous);
        assertThat(e.code()).isEqualTo(IngestException.TOO_LARGE);
        assertThat(e.getMessage()).contains("decompression bomb");
        assertNothingWritten();
    }

    @Test
    void ordinaryCompressionPassesTheInflationCheck() throws Exception {
        Inflation.check(100L << 20, 5L << 20, null); // a CSV gzipped to a twentieth
        Inflation.check(Inflation.FLOOR_BYTES, 1, null); // small files may inflate as they like
        assertThatThrownBy(() -> Inflation.check(Inflation.FLOOR_BYTES + 1, 1, null)).isInstanceOf(IngestException.class);
    }

    @Test
    void headerRowIsForCsvOnly() throws Exception {
        IngestException e = catchThrowableOfType(IngestException.class, () -> new FileIngestor()
                .ingest(upload("a.json", "[{\"a\":1}]"), dir(), "t", LIMITS, "a.json", null, 2));
        assertThat(e.getMessage()).contains("header_row applies to CSV files");
        IngestReport csv = new FileIngestor().ingest(upload("t.csv", "Title\nx,y\n1,2\n"), dir(), "t", LIMITS, "t.csv", null, 2);
        assertThat(csv.format()).isEqualTo("csv");
        assertThat(csv.header()).isEqualTo("given");
    }

    /** A workbook written by fastexcel (the project whose reader ingest uses): two data sheets and an empty one. */
    static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "DataSense test", "1.0");
        org.dhatim.fastexcel.Worksheet sales = wb.newWorksheet("Sales 2024");
        sales.value(0, 0, "Sales by region, 2024");
        String[] header = {"Region", "Sales", "Day", "Paid"};
        for (int c = 0; c < header.length; c++) {
            sales.value(2, c, header[c]);
        }
        String[] regions = {"North", "South", "North", "East"};
        for (int r = 0; r < regions.length; r++) {
            sales.value(3 + r, 0, regions[r]);
            sales.value(3 + r, 1, 10.5 * (r + 1));
            sales.value(3 + r, 2, java.time.LocalDate.of(2024, 1, 1 + r));
            sales.style(3 + r, 2).format("yyyy-mm-dd").set();
            if (r != 2) {
                sales.value(3 + r, 3, r % 2 == 0);
            }
        }
        wb.newWorksheet("Empty");
        org.dhatim.fastexcel.Worksheet people = wb.newWorksheet("People");
        people.value(0, 0, "name");
        people.value(0, 1, "age");
        people.value(1, 0, "Ann, Jr.");
        people.value(1, 1, 41);
        people.value(2, 0, "Bo");
        people.value(2, 1, 37);
        wb.finish();
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(m.getKey()));
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void everySheetOfAWorkbookIsATable() throws Exception {
        List<FileIngestor.Table> tables = new FileIngestor().ingestAll(upload("book.xlsx", workbook()), dir(), LIMITS,
                "book.xlsx", null, 0);

        assertThat(tables).extracting(FileIngestor.Table::sheet).containsExactly("Sales 2024", "People");
        assertThat(tables).extracting(FileIngestor.Table::table).containsExactly("sales_2024", "people");
        IngestReport sales = tables.get(0).report();
        assertThat(sales.format()).isEqualTo("xlsx");
        assertThat(sales.headerLine()).isEqualTo(3);
        assertThat(sales.header()).isEqualTo("detected");
        assertThat(types(sales)).containsExactly("Region:VARCHAR", "Sales:DOUBLE", "Day:DATE", "Paid:BOOLEAN");
        assertThat(sales.rowsIngested()).isEqualTo(4);
        IngestReport people = tables.get(1).report();
        assertThat(types(people)).containsExactly("name:VARCHAR", "age:BIGINT");
        assertThat(Files.readString(people.csv())).contains("\"Ann, Jr.\",41");
        assertThat(people.parquet()).isNotEqualTo(sales.parquet());
    }

    @Test
    void everyFileOfAZipIsATableAndABadMemberIsNamed() throws Exception {
        Map<String, byte[]> members = new java.util.LinkedHashMap<>();
        members.put("export/orders.csv", "id,amount\n1,10\n2,20\n".getBytes(StandardCharsets.UTF_8));
        members.put("export/events.ndjson", "{\"k\":\"a\"}\n".getBytes(StandardCharsets.UTF_8));
        members.put("__MACOSX/export/._orders.csv", new byte[]{0, 1, 2});
        members.put("book.xlsx", workbook());
        List<FileIngestor.Table> tables = new FileIngestor().ingestAll(upload("bundle.zip", zip(members)), dir(), LIMITS,
                "bundle.zip", "application/zip", 0);
        assertThat(tables).extracting(FileIngestor.Table::table).containsExactly("orders", "events", "sales_2024", "people");
        assertThat(tables).extracting(FileIngestor.Table::member)
                .containsExactly("export/orders.csv", "export/events.ndjson", "book.xlsx", "book.xlsx");
        assertThat(tables.get(1).report().format()).isEqualTo("ndjson");

        members.put("export/broken.json", "[{\"a\":1},".getBytes(StandardCharsets.UTF_8));
        IngestException e = catchThrowableOfType(IngestException.class, () -> new FileIngestor()
                .ingestAll(upload("bad.zip", zip(members)), tmp.resolve("bad"), LIMITS, "bad.zip", null, 0));
        assertThat(e.code()).isEqualTo(IngestException.UNREADABLE);
        assertThat(e.getMessage()).startsWith("Member 'export/broken.json': ");
    }

    @Test
    @Tag("fault")
    void aZipBombAndTooManyMembersAreRefused() throws Exception {
        byte[] bomb = zip(Map.of("big.csv", ("a,b\n" + "1,2\n".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8)));
        assertThat(bomb.length).isLessThan(100_000);
        IngestException big = catchThrowableOfType(IngestException.class, () -> new FileIngestor()
                .ingestAll(upload("bomb.zip", bomb), dir(), LIMITS, "bomb.zip", null, 0));
        assertThat(big.code()).isEqualTo(IngestException.TOO_LARGE);
        assertThat(big.getMessage()).contains("decompressed").contains("big.csv");

        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i <= ZipMembers.MAX_MEMBERS; i++) {
            many.put("f" + i + ".csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        IngestException count = catchThrowableOfType(IngestException.class, () -> new FileIngestor()
                .ingestAll(upload("many.zip", zip(many)), tmp.resolve("many"), LIMITS, "many.zip", null, 0));
        assertThat(count.code()).isEqualTo(IngestException.TOO_LARGE);
        assertThat(count.getMessage()).contains("101 entries");
    }

    private void assertNothingWritten() throws IOException {
        if (!Files.exists(dir())) {
            return;
        }
        try (Stream<Path> files = Files.list(dir())) {
            assertThat(files).isEmpty();
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
    @Test
    void aSqliteDatabaseIsItsTablesWhateverItsNameAndBlobOnlyOrEmptyTablesAreSkipped() throws Exception {
        Path db = tmp.resolve("data.bin");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"Order Lines\" (id INTEGER, price REAL, sold_on TEXT, raw)");
            st.execute("INSERT INTO \"Order Lines\" VALUES (1, 2.5, '2024-01-02', x'00ff'), (2, NULL, '2024-01-03', 'text')");
            st.execute("CREATE TABLE pictures (img BLOB)");
            st.execute("INSERT INTO pictures VALUES (x'0102')");
            st.execute("CREATE TABLE unused (a INTEGER)");
        }
        assertThat(SourceFormat.detect(db, "data.bin", null).format()).isEqualTo(SourceFormat.SQLITE);
        List<FileIngestor.Table> tables = new FileIngestor().ingestAll(db, tmp.resolve("work"), LIMITS, "data.bin", null, 0);
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).sheet()).isEqualTo("Order Lines");
        assertThat(tables.get(0).table()).isEqualTo("order_lines");
        assertThat(tables.get(0).report().format()).isEqualTo("sqlite");
        // "raw" holds a blob in one row, so the whole column is left out
        assertThat(tables.get(0).report().schema().columns()).extracting(ColumnProfile::name).containsExactly("id", "price", "sold_on");
        assertThat(tables.get(0).report().schema().columns()).extracting(ColumnProfile::type).containsExactly("BIGINT", "DOUBLE", "DATE");

        IngestException header = catchThrowableOfType(IngestException.class,
                () -> new FileIngestor().ingestAll(db, tmp.resolve("work2"), LIMITS, "data.bin", null, 2));
        assertThat(header.getMessage()).contains("header_row");
        IngestException single = failure(db, "data.bin", null, LIMITS);
        assertThat(single.code()).isEqualTo(IngestException.UNSUPPORTED);
        assertThat(single.getMessage()).contains("SQLite");
    }
}
