package datasense;

import static datasense.ApiReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import datasense.tools.Limits;
import datasense.tools.sql.DuckDb;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of file upload end to end against a real node: the CSV faults found in review (one column, a bare
 * carriage return inside quotes, a 3 MB line, title rows above the header), Parquet, JSON, NDJSON, workbooks,
 * ZIPs, SQLite databases and gzip of them, each asked a question to show the planner works on it unchanged, and wrong or broken files refused with
 * the right status and nothing left in the store.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileSourcesIT {

    private static final long MAX_UPLOAD = 12_000_000;
    private final ShopData shop = new ShopData(400);
    private TestNode node;

    @TempDir
    Path tmp;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, Map.of("DATASENSE_MAX_UPLOAD_BYTES", Long.toString(MAX_UPLOAD)));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private HttpResponse<Buffer> upload(String name, String contentType, byte[] bytes) {
        return node.client.post("/files").addQueryParam("name", name).putHeader("Content-Type", contentType)
                .sendBuffer(Buffer.buffer(bytes)).await();
    }

    private static JsonObject created(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    private JsonObject askOk(String fileId, String question) {
        HttpResponse<Buffer> response = node.ask(fileId, question);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).as(body.encodePrettily()).isEqualTo("ok");
        return body;
    }

    private static JsonArray firstTableRows(JsonObject answer) {
        return answer.getJsonArray("results").stream().map(r -> (JsonObject) r)
                .filter(r -> r.getString("type").equals("table")).findFirst().orElseThrow().getJsonArray("rows");
    }

    private static List<String> columnNames(JsonObject manifest) {
        return manifest.getJsonArray("columns").stream().map(c -> ((JsonObject) c).getString("name")).toList();
    }

    /** "total sales by region" must give the shop's own sums, whatever format the rows came in. */
    private void salesByRegionIsRight(String fileId) {
        JsonArray rows = firstTableRows(askOk(fileId, "total sales by region"));
        Map<String, Double> expected = shop.salesByRegion();
        assertThat(rows).hasSize(expected.size());
        for (Object row : rows) {
            JsonArray r = (JsonArray) row;
            assertThat(((Number) r.getValue(1)).doubleValue()).isCloseTo(expected.get(r.getString(0)), within(1e-6));
        }
    }

    private List<String> storedFileNames() {
        return node.get("/files").bodyAsJsonObject().getJsonArray("files").stream()
                .map(f -> ((JsonObject) f).getString("name")).toList();
    }

    private long uploadFolders() throws IOException {
        try (Stream<Path> all = Files.walk(node.dataDir)) {
            return all.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("uploads")).count();
        }
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String error) {
        assertThat(refused(response, status, error).getString("message")).doesNotContain("null");
    }

    @Test
    void aSingleColumnCsvIsATable() {
        JsonObject file = created(upload("amounts.csv", "text/csv", "amount\n10\n20.5\n\n30\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(columnNames(file)).containsExactly("amount");
        assertThat(file.getLong("rows")).isEqualTo(3);

        JsonObject answer = askOk(file.getString("file_id"), "total amount");
        assertThat(answer.encode()).contains("60.5");
    }

    @Test
    void aBareCarriageReturnInsideQuotesDoesNotSplitTheRecord() {
        String csv = "id,note,amount\n1,\"first\rsecond\",10\n2,plain,20\n3,\"a\r\",30\n";
        JsonObject file = created(upload("cr.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(file.getLong("rows")).isEqualTo(3);
        assertThat(file.getLong("rows_rejected")).isZero();

        JsonArray rows = node.get("/files/" + file.getString("file_id") + "/preview?limit=5").bodyAsJsonObject().getJsonArray("rows");
        assertThat(rows.stream().map(r -> ((JsonArray) r).getString(1))).containsExactly("first\rsecond", "plain", "a\r");
    }

    @Test
    void aThreeMegabyteLineIsReadAndALongerOneIsRefusedByLine() throws Exception {
        String big = "x".repeat(3_000_000);
        JsonObject file = created(upload("long.csv", "text/csv", ("id,text\n1," + big + "\n2,short\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(file.getLong("rows")).isEqualTo(2);

        long before = uploadFolders();
        // 9 MB of text is within the 12 MB upload limit: the line limit refuses it (sent plain: gzipped, one repeated
        // letter inflates like a bomb and is refused for that first)
        byte[] tooLong = ("id,text\n1,a\n2," + "y".repeat(9 * 1024 * 1024) + "\n3,b\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Buffer> refused = upload("longer.csv", "text/csv", tooLong);
        assertError(refused, 400, "unreadable");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("Line 3 is 9.0 MB long").contains("at most 8.0 MB");
        assertThat(storedFileNames()).doesNotContain("longer.csv");
        assertThat(uploadFolders()).isEqualTo(before);
    }

    @Test
    void titleRowsAboveTheHeaderAreSkippedAndTheManifestSaysSo() {
        StringBuilder csv = new StringBuilder("Shop orders,,,,,,,,\nExported 2024-05-01,,,,,,,,\n\n").append(shop.csv());
        JsonObject file = created(upload("export.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(file.getLong("header_line")).isEqualTo(4);
        assertThat(file.getString("header")).isEqualTo("detected");
        assertThat(file.getString("format")).isEqualTo("csv");
        assertThat(columnNames(file)).startsWith("Order ID", "Order Date", "Region");
        assertThat(file.getLong("rows")).isEqualTo(400);
        salesByRegionIsRight(file.getString("file_id"));

        // a title as wide as the data cannot be told from a header: the upload names the line
        String named = "Quarter,Report,Total\nregion,sales\nNorth,10\nSouth,20\n";
        JsonObject given = created(node.client.post("/files").addQueryParam("name", "named.csv").addQueryParam("header_row", "2")
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(named)).await());
        assertThat(given.getLong("header_line")).isEqualTo(2);
        assertThat(given.getString("header")).isEqualTo("given");
        assertThat(columnNames(given)).containsExactly("region", "sales");

        assertError(node.client.post("/files").addQueryParam("name", "x.csv").addQueryParam("header_row", "two")
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(named)).await(), 400, "bad_request");
        assertError(node.client.post("/files").addQueryParam("name", "x.csv").addQueryParam("header_row", "40")
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(named)).await(), 400, "unreadable");
    }

    @Test
    void aParquetFileWrittenByDuckDbIsAskedLikeACsv() throws Exception {
        Path csv = tmp.resolve("shop.csv");
        Path parquet = tmp.resolve("shop.parquet");
        Files.writeString(csv, shop.csv());
        try (Connection db = DuckDb.open(List.of(tmp), Limits.defaults()); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv(" + DuckDb.quoteLiteral(csv.toString()) + ")) TO "
                    + DuckDb.quoteLiteral(parquet.toString()) + " (FORMAT parquet)");
        }
        JsonObject file = created(upload("shop.parquet", "application/vnd.apache.parquet", Files.readAllBytes(parquet)));
        assertThat(file.getString("format")).isEqualTo("parquet");
        assertThat(file.getString("table")).isEqualTo("shop");
        assertThat(file.getLong("rows")).isEqualTo(400);
        assertThat(columnNames(file)).contains("Region", "Sales");
        salesByRegionIsRight(file.getString("file_id"));

        // the same bytes as a multipart upload, gzip-compressed, under a name without an extension: the bytes say what it is
        var form = MultipartForm.create().binaryFileUpload("file", "export", Buffer.buffer(gzip(Files.readAllBytes(parquet))),
                "application/octet-stream");
        JsonObject multipart = created(node.client.post("/files").sendMultipartForm(form).await());
        assertThat(multipart.getString("format")).isEqualTo("parquet");
        assertThat(multipart.getString("compression")).isEqualTo("gzip");
        assertThat(multipart.getLong("rows")).isEqualTo(400);
    }

    private String ordersJson() {
        JsonArray orders = new JsonArray();
        for (ShopData.Row r : shop.rows) {
            orders.add(new JsonObject().put("order_id", r.orderId()).put("Region", r.region()).put("Sales", r.sales())
                    .put("customer", new JsonObject().put("segment", r.category()).put("address", new JsonObject().put("city", r.product())))
                    .put("lines", new JsonArray().add(new JsonObject().put("qty", r.quantity()))));
        }
        return orders.encode();
    }

    @Test
    void aJsonArrayWithNestedObjectsIsFlattenedAndAnswered() {
        JsonObject file = created(upload("orders.json", "application/json", ordersJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(file.getString("format")).isEqualTo("json");
        assertThat(columnNames(file)).containsExactly("order_id", "Region", "Sales", "customer.segment", "customer.address.city", "lines");
        assertThat(file.getLong("rows")).isEqualTo(400);
        salesByRegionIsRight(file.getString("file_id"));

        JsonArray bySegment = firstTableRows(askOk(file.getString("file_id"), "total sales by segment"));
        assertThat(bySegment).hasSize(ShopData.CATEGORIES.length);
    }

    @Test
    void gzippedNdjsonIsAnswered() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (ShopData.Row r : shop.rows) {
            ndjson.append(new JsonObject().put("Region", r.region()).put("Sales", r.sales()).put("kind", r.category()).encode()).append('\n');
        }
        JsonObject file = created(upload("events.ndjson.gz", "application/gzip", gzip(ndjson.toString().getBytes(StandardCharsets.UTF_8))));
        assertThat(file.getString("format")).isEqualTo("ndjson");
        assertThat(file.getString("compression")).isEqualTo("gzip");
        salesByRegionIsRight(file.getString("file_id"));
    }

    /** The shop's orders as a workbook written by fastexcel: a title row, the header on row 3, and a second sheet. */
    private byte[] shopWorkbook(boolean withBadSheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "DataSense test", "1.0");
        org.dhatim.fastexcel.Worksheet orders = wb.newWorksheet("Orders");
        orders.value(0, 0, "Shop orders");
        String[] header = {"Order ID", "Region", "Category", "Sales", "Quantity"};
        for (int c = 0; c < header.length; c++) {
            orders.value(2, c, header[c]);
        }
        int r = 3;
        for (ShopData.Row row : shop.rows) {
            orders.value(r, 0, row.orderId());
            orders.value(r, 1, row.region());
            orders.value(r, 2, row.category());
            orders.value(r, 3, row.sales());
            orders.value(r, 4, row.quantity());
            r++;
        }
        org.dhatim.fastexcel.Worksheet regions = wb.newWorksheet("Regions");
        regions.value(0, 0, "Region");
        regions.value(0, 1, "Manager");
        for (int i = 0; i < ShopData.REGIONS.length; i++) {
            regions.value(i + 1, 0, ShopData.REGIONS[i]);
            regions.value(i + 1, 1, "M" + i);
        }
        if (withBadSheet) {
            org.dhatim.fastexcel.Worksheet bad = wb.newWorksheet("Notes");
            bad.value(0, 0, "only");
            bad.value(0, 1, "a header");
        }
        wb.finish();
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> members) throws IOException {
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
    void everySheetOfAWorkbookIsAFileToAsk() throws Exception {
        JsonObject file = created(upload("shop.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                shopWorkbook(false)));
        assertThat(file.getString("format")).isEqualTo("xlsx");
        assertThat(file.getString("sheet")).isEqualTo("Orders");
        assertThat(file.getString("name")).isEqualTo("shop.xlsx / Orders");
        assertThat(file.getLong("header_line")).isEqualTo(3);
        assertThat(file.getLong("rows")).isEqualTo(400);
        JsonArray files = file.getJsonArray("files");
        assertThat(files).hasSize(2);
        String second = files.getJsonObject(1).getString("file_id");
        assertThat(second).isEqualTo(file.getString("file_id") + "_2");
        assertThat(files.getJsonObject(1).getString("sheet")).isEqualTo("Regions");
        salesByRegionIsRight(file.getString("file_id"));

        JsonObject regions = node.get("/files/" + second).bodyAsJsonObject();
        assertThat(regions.getString("table")).isEqualTo("regions");
        assertThat(columnNames(regions)).containsExactly("Region", "Manager");
        assertThat(storedFileNames()).contains("shop.xlsx / Orders", "shop.xlsx / Regions");
    }

    @Test
    void everyFileOfAZipIsAFileToAsk() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (ShopData.Row r : shop.rows) {
            ndjson.append(new JsonObject().put("Region", r.region()).put("Sales", r.sales()).encode()).append('\n');
        }
        Map<String, byte[]> members = new java.util.LinkedHashMap<>();
        members.put("exports/shop.csv", shop.csv().getBytes(StandardCharsets.UTF_8));
        members.put("exports/shop.ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8));
        JsonObject file = created(upload("exports.zip", "application/zip", zip(members)));
        assertThat(file.getString("member")).isEqualTo("exports/shop.csv");
        JsonArray files = file.getJsonArray("files");
        assertThat(files).hasSize(2);
        assertThat(files.getJsonObject(1).getString("member")).isEqualTo("exports/shop.ndjson");
        salesByRegionIsRight(file.getString("file_id"));
        salesByRegionIsRight(files.getJsonObject(1).getString("file_id"));
    }

    @Test
    @Tag("fault")
    void aZipBombABadSheetAndABadMemberLeaveNothing() throws Exception {
        long before = uploadFolders();
        byte[] bomb = zip(Map.of("big.csv", ("a,b\n" + "1,2\n".repeat(4_000_000)).getBytes(StandardCharsets.UTF_8)));
        assertThat((long) bomb.length).isLessThan(MAX_UPLOAD / 10);
        HttpResponse<Buffer> refused = upload("bomb.zip", "application/zip", bomb);
        assertError(refused, 413, "too_large");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("decompression bomb").contains("big.csv");

        // the good sheets before the bad one are not kept either
        HttpResponse<Buffer> badSheet = upload("notes.xlsx", "application/octet-stream", shopWorkbook(true));
        assertError(badSheet, 400, "unreadable");
        assertThat(badSheet.bodyAsJsonObject().getString("message")).startsWith("Sheet 'Notes': ");

        Map<String, byte[]> members = new java.util.LinkedHashMap<>();
        members.put("good.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        members.put("bad.json", "[{\"a\": 1}, {\"a\": }]".getBytes(StandardCharsets.UTF_8));
        HttpResponse<Buffer> badMember = upload("mixed.zip", "application/zip", zip(members));
        assertError(badMember, 400, "unreadable");
        assertThat(badMember.bodyAsJsonObject().getString("message")).startsWith("Member 'bad.json': Line 1, column");

        assertThat(storedFileNames()).noneMatch(n -> n.startsWith("bomb.zip") || n.startsWith("notes.xlsx") || n.startsWith("mixed.zip"));
        assertThat(uploadFolders()).isEqualTo(before);
    }

    /** The shop as a SQLite database written through the same driver the ingest reads with. */
    private Path shopDatabase() throws Exception {
        Path db = tmp.resolve("shop-" + System.nanoTime() + ".sqlite");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (order_id TEXT, order_date TEXT, Region TEXT, Sales REAL, Quantity INTEGER,"
                    + " photo BLOB, note TEXT)");
            try (var insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ShopData.Row r : shop.rows) {
                    insert.setString(1, r.orderId());
                    insert.setString(2, String.format("%04d-%02d-%02d", r.year(), r.month(), r.day()));
                    insert.setString(3, r.region());
                    insert.setDouble(4, r.sales());
                    insert.setInt(5, r.quantity());
                    insert.setBytes(6, new byte[]{1, 2, 3});
                    insert.setString(7, null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            st.execute("CREATE TABLE \"Region Managers\" (Region TEXT, Manager TEXT)");
            st.execute("INSERT INTO \"Region Managers\" VALUES ('East', 'Ann'), ('West', 'Bo')");
            st.execute("CREATE TABLE empty_one (a INTEGER)");
            st.execute("CREATE VIEW big_orders AS SELECT * FROM orders WHERE Sales > 100");
        }
        return db;
    }

    @Test
    void everyTableOfASqliteDatabaseIsAFileToAsk() throws Exception {
        byte[] bytes = Files.readAllBytes(shopDatabase());
        JsonObject file = created(upload("shop.db", "application/octet-stream", bytes));
        assertThat(file.getString("format")).isEqualTo("sqlite");
        assertThat(file.getString("sheet")).isEqualTo("orders");
        assertThat(file.getString("name")).isEqualTo("shop.db / orders");
        assertThat(file.getLong("rows")).isEqualTo(400);
        assertThat(columnNames(file)).containsExactly("order_id", "order_date", "Region", "Sales", "Quantity", "note")
                .doesNotContain("photo");
        Map<String, String> types = new java.util.HashMap<>();
        file.getJsonArray("columns").forEach(c -> types.put(((JsonObject) c).getString("name"), ((JsonObject) c).getString("type")));
        assertThat(types.get("Sales")).isEqualTo("DOUBLE");
        assertThat(types.get("Quantity")).isEqualTo("BIGINT");
        assertThat(types.get("order_date")).isEqualTo("DATE");
        JsonArray files = file.getJsonArray("files");
        assertThat(files).hasSize(2); // the empty table is skipped, the view and sqlite_ tables are not read
        assertThat(files.getJsonObject(1).getString("sheet")).isEqualTo("Region Managers");
        assertThat(files.getJsonObject(1).getString("table")).isEqualTo("region_managers");
        salesByRegionIsRight(file.getString("file_id"));

        // the bytes decide, whatever the name: gzip-compressed and named without an extension
        var form = MultipartForm.create().binaryFileUpload("file", "export", Buffer.buffer(gzip(bytes)),
                "application/octet-stream");
        JsonObject multipart = created(node.client.post("/files").sendMultipartForm(form).await());
        assertThat(multipart.getString("format")).isEqualTo("sqlite");
        assertThat(multipart.getString("compression")).isEqualTo("gzip");
        salesByRegionIsRight(multipart.getString("file_id"));
    }

    @Test
    void aCorruptSqliteDatabaseIsRefusedAndLeavesNothing() throws Exception {
        long before = uploadFolders();
        byte[] good = Files.readAllBytes(shopDatabase());
        byte[] corrupt = java.util.Arrays.copyOf(good, good.length);
        for (int i = 100; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        HttpResponse<Buffer> refused = upload("broken.sqlite", "application/octet-stream", corrupt);
        assertError(refused, 400, "unreadable");
        assertThat(refused.bodyAsJsonObject().getString("message")).contains("SQLite");
        assertThat(refused.bodyAsJsonObject().getString("hint")).contains("unencrypted");

        byte[] cut = java.util.Arrays.copyOf(good, 16 + 20);
        assertError(upload("cut.sqlite", "application/octet-stream", cut), 400, "unreadable");
        assertThat(storedFileNames()).noneMatch(n -> n.startsWith("broken.sqlite") || n.startsWith("cut.sqlite"));
        assertThat(uploadFolders()).isEqualTo(before);
    }

    @Test
    @Tag("fault")
    void wrongAndBrokenFilesAreRefusedAndLeaveNothing() throws Exception {
        long before = uploadFolders();
        HttpResponse<Buffer> pdfByName = upload("report.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        assertError(pdfByName, 415, "unsupported_type");
        assertThat(pdfByName.bodyAsJsonObject().getString("hint")).contains("Parquet").contains("NDJSON").contains(".gz");

        HttpResponse<Buffer> pdfByBytes = upload("data", "application/octet-stream", "%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.UTF_8));
        assertError(pdfByBytes, 415, "unsupported_type");
        assertThat(pdfByBytes.bodyAsJsonObject().getString("message")).contains("PDF");
        assertError(node.post("/upload", new JsonObject().put("file_name", "book.xls").put("content_type", "application/octet-stream")),
                415, "unsupported_type");

        HttpResponse<Buffer> badJson = upload("bad.ndjson", "application/x-ndjson",
                "{\"a\":1}\n{\"a\":2}\n{\"a\":3,,}\n".getBytes(StandardCharsets.UTF_8));
        assertError(badJson, 400, "unreadable");
        assertThat(badJson.bodyAsJsonObject().getString("message")).startsWith("Line 3, column").contains("record 3");

        assertError(upload("half.parquet", "application/octet-stream", "PAR1 and then nothing".getBytes(StandardCharsets.UTF_8)),
                400, "unreadable");
        assertError(upload("bomb.json.gz", "application/gzip",
                gzip(("[" + "{\"a\":1},".repeat(2_000_000) + "{\"a\":1}]").getBytes(StandardCharsets.UTF_8))), 413, "too_large");

        assertThat(storedFileNames()).doesNotContain("report.pdf", "data", "bad.ndjson", "half.parquet", "bomb.json.gz");
        assertThat(uploadFolders()).isEqualTo(before);
    }
}
