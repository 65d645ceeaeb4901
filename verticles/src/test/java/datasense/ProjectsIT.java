package datasense;

import static datasense.ApiReplies.ok;
import static datasense.ApiReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Projects end to end over HTTP on a real node with authentication: tenant A makes projects and uploads into them (raw
 * and multipart one-step uploads, a ZIP of two tables, the presigned flow); the catalog filters by project, each project
 * lists its files, boards and reports with their counts; a file of the same name in another project is no re-upload; join hints are measured only among one project's files; a
 * project's runs list its profiles, its analysis jobs and its reports with durations that fit the time the test saw
 * them take; deleting a project removes every key of it from the store folder and its files answer 404 afterwards; the
 * default project cannot be deleted, tenant B gets 404 for A's projects, and bad input gets 400 in the one error shape.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ProjectsIT {

    private static final String CUSTOMERS = "customer_id,segment\n" + IntStream.rangeClosed(1, 40)
            .mapToObj(i -> String.format("C%03d,%s", i, i % 2 == 0 ? "Consumer" : "Corporate")).collect(Collectors.joining("\n")) + "\n";
    private static final String ORDERS = "order_id,customer_id,amount\n" + IntStream.rangeClosed(1, 120)
            .mapToObj(i -> String.format("O%04d,C%03d,%d.5", i, 1 + (i - 1) % 50, i)).collect(Collectors.joining("\n")) + "\n";

    private TestNode node;
    private Caller a;
    private Caller b;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_GENERATED_BOARDS", "false")));
        a = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-a"));
        b = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-b"));
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private String project(String name) {
        JsonObject made = ok(a.post("/projects", new JsonObject().put("name", name).put("description", "made by ProjectsIT")), 201);
        assertThat(made.getString("project_id")).matches("p_[0-9a-f]{12}");
        assertThat(made.getString("name")).isEqualTo(name);
        assertThat(Instant.parse(made.getString("created_at"))).isBeforeOrEqualTo(Instant.now());
        return made.getString("project_id");
    }

    private JsonObject upload(Caller caller, String project, String name, String csv) {
        return ok(caller.upload("/files?name=" + name + (project == null ? "" : "&project=" + project), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)), 201);
    }

    private JsonArray hints(String fileId) {
        return ok(a.get("/files/" + fileId + "/profile"), 200).getJsonArray("join_hints");
    }

    private static Set<String> ids(JsonArray items, String field) {
        return items.stream().map(i -> ((JsonObject) i).getString(field)).collect(Collectors.toSet());
    }

    private JsonObject listed(String projectId) {
        return ok(a.get("/projects"), 200).getJsonArray("projects").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("project_id").equals(projectId)).findFirst().orElseThrow();
    }

    /** Every regular file under {@code dir} of the node's data folder (none when it does not exist). */
    private List<Path> storedUnder(String dir) throws IOException {
        Path root = node.dataDir.resolve(dir);
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void projectsGroupTheirFilesAndMeasureJoinHintsAmongThemOnly() throws Exception {
        String shop = project("Shop");
        String other = project("Other shop");
        String customers = upload(a, shop, "customers.csv", CUSTOMERS).getString("file_id");
        JsonObject ordersFile = upload(a, shop, "orders.csv", ORDERS);
        String orders = ordersFile.getString("file_id");
        assertThat(ordersFile.getString("project")).as("the upload's reply says its project").isEqualTo(shop);
        // the same two tables in another project, and a customers table in the default one
        String otherCustomers = upload(a, other, "customers.csv", CUSTOMERS).getString("file_id");
        String otherOrders = upload(a, other, "orders.csv", ORDERS).getString("file_id");
        JsonObject loose = upload(a, null, "customers.csv", CUSTOMERS);
        assertThat(loose.getString("project")).as("no project named: the default one").isEqualTo("default");

        // the catalog by project
        assertThat(ids(ok(a.get("/files?project=" + shop), 200).getJsonArray("files"), "file_id")).containsExactlyInAnyOrder(customers, orders);
        assertThat(ids(ok(a.get("/files?project=" + other), 200).getJsonArray("files"), "file_id")).containsExactlyInAnyOrder(otherCustomers, otherOrders);
        // (other tests of this class upload into the default project too)
        assertThat(ids(ok(a.get("/files?project=default"), 200).getJsonArray("files"), "file_id")).contains(loose.getString("file_id"))
                .doesNotContain(customers, orders, otherCustomers, otherOrders);
        assertThat(ids(ok(a.get("/files"), 200).getJsonArray("files"), "file_id"))
                .contains(customers, orders, otherCustomers, otherOrders, loose.getString("file_id"));

        // hints are measured after the uploads are answered, among each project's files only
        JsonArray shopHints = Polls.until(() -> hints(orders), h -> !h.isEmpty());
        assertThat(shopHints).hasSize(1);
        assertThat(shopHints.getJsonObject(0).getString("other_file_id")).isEqualTo(customers);
        assertThat(shopHints.getJsonObject(0).getDouble("overlap")).isEqualTo(80.0);
        JsonArray otherHints = Polls.until(() -> hints(otherOrders), h -> !h.isEmpty());
        assertThat(otherHints).hasSize(1);
        assertThat(otherHints.getJsonObject(0).getString("other_file_id")).isEqualTo(otherCustomers);
        JsonObject stored = new JsonObject(Files.readString(node.dataDir.resolve("tenant-a/projects/" + shop + "/join_hints.json")));
        assertThat(stored.getJsonArray("hints").stream().map(JsonObject.class::cast)
                .flatMap(h -> Stream.of(h.getString("file_id"), h.getString("other_file_id"))).collect(Collectors.toSet()))
                .as("the project's stored hints name its files only").containsExactlyInAnyOrder(customers, orders);
        assertThat(Files.readString(node.dataDir.resolve("tenant-a/projects/" + shop + "/join_hints.md"))).contains("`customer_id`");

        // a board and a report in the project show in its counts and contents
        String board = ok(a.post("/files/" + orders + "/boards", new JsonObject().put("name", "Orders")), 201).getString("board_id");
        JsonObject report = ok(a.post("/reports", new JsonObject().put("from", new JsonObject().put("profile", customers))
                .put("formats", new JsonArray().add("md"))), 201);
        assertThat(report.getString("project")).isEqualTo(shop);
        JsonArray projects = ok(a.get("/projects"), 200).getJsonArray("projects");
        assertThat(projects.getJsonObject(0).getString("project_id")).as("the default project first").isEqualTo("default");
        assertThat(projects.getJsonObject(0).getLong("files")).isPositive();
        JsonObject listedShop = listed(shop);
        assertThat(listedShop.getString("name")).isEqualTo("Shop");
        assertThat(listedShop.getString("description")).isEqualTo("made by ProjectsIT");
        assertThat(listedShop.getLong("files")).isEqualTo(2);
        assertThat(listedShop.getLong("boards")).isEqualTo(1);
        assertThat(listedShop.getLong("reports")).isEqualTo(1);
        assertThat(listed(other).getLong("reports")).isZero();
        JsonObject contents = ok(a.get("/projects/" + shop), 200);
        assertThat(contents.getString("name")).isEqualTo("Shop");
        assertThat(ids(contents.getJsonArray("files"), "file_id")).containsExactlyInAnyOrder(customers, orders);
        assertThat(contents.getJsonArray("files").getJsonObject(0).containsKey("schema")).as("manifest summaries").isFalse();
        assertThat(ids(contents.getJsonArray("boards"), "board_id")).containsExactly(board);
        assertThat(ids(contents.getJsonArray("reports"), "report_id")).containsExactly(report.getString("report_id"));
        assertThat(ids(ok(a.get("/reports"), 200).getJsonArray("reports"), "report_id")).as("the tenant's list has every report")
                .contains(report.getString("report_id"));
    }

    @Test
    void everyTableOfAnUploadAndAPresignedUploadJoinTheProject() throws Exception {
        String workbook = project("Tables");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            Map<String, String> members = new LinkedHashMap<>(Map.of("customers.csv", CUSTOMERS));
            members.put("orders.csv", ORDERS);
            for (Map.Entry<String, String> m : members.entrySet()) {
                out.putNextEntry(new ZipEntry(m.getKey()));
                out.write(m.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        JsonObject both = ok(a.upload("/files?name=shop.zip&project=" + workbook, "application/zip", zip.toByteArray()), 201);
        assertThat(both.getJsonArray("files")).hasSize(2);
        JsonArray files = ok(a.get("/files?project=" + workbook), 200).getJsonArray("files");
        assertThat(ids(files, "file_id")).isEqualTo(ids(both.getJsonArray("files"), "file_id"));
        assertThat(files.stream().map(f -> ((JsonObject) f).getString("project"))).containsOnly(workbook);

        JsonObject grant = ok(a.post("/upload?project=" + workbook, new JsonObject().put("file_name", "later.csv").put("content_type", "text/csv")), 200);
        assertThat(grant.getString("project")).isEqualTo(workbook);
        HttpResponse<Buffer> put = node.client.putAbs(grant.getString("presigned_url")).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(CUSTOMERS)).await();
        assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
        assertThat(put.bodyAsJsonObject().getString("project")).isEqualTo(workbook);
        assertThat(ids(ok(a.get("/files?project=" + workbook), 200).getJsonArray("files"), "file_id")).contains(grant.getString("file_id")).hasSize(3);
        // a multipart upload names its project in the query too
        HttpResponse<Buffer> multipart = node.client.post("/files?project=" + workbook)
                .putHeader("Authorization", "Bearer " + TestTokens.forTenant(node.vertx, "tenant-a"))
                .sendMultipartForm(MultipartForm.create().textFileUpload("file", "form.csv", Buffer.buffer(CUSTOMERS), "text/csv")).await();
        assertThat(ok(multipart, 201).getString("project")).isEqualTo(workbook);
        assertThat(ids(ok(a.get("/files?project=" + workbook), 200).getJsonArray("files"), "file_id"))
                .contains(multipart.bodyAsJsonObject().getString("file_id")).hasSize(4);
        // the project in the body works as the query does
        JsonObject inBody = ok(a.post("/upload", new JsonObject().put("file_name", "x.csv").put("content_type", "text/csv")
                .put("project", workbook)), 200);
        assertThat(inBody.getString("project")).isEqualTo(workbook);
    }

    @Test
    void aProjectsRunsListItsProfilesAnalysesAndReportsNewestFirst() throws Exception {
        String runs = project("Runs");
        long uploadStart = System.nanoTime();
        String fileId = upload(a, runs, "shop.csv", new ShopData(150).csv()).getString("file_id");
        long uploadMs = Duration.ofNanos(System.nanoTime() - uploadStart).toMillis();
        long askStart = System.nanoTime();
        JsonObject answer = ok(a.ask(fileId, "total sales by region"), 200);
        long askMs = Duration.ofNanos(System.nanoTime() - askStart).toMillis();
        long reportStart = System.nanoTime();
        JsonObject report = ok(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", answer.getString("job_id")))
                .put("formats", new JsonArray().add("html"))), 201);
        long reportMs = Duration.ofNanos(System.nanoTime() - reportStart).toMillis();
        // a job on a file of another project is not this project's run
        String elsewhere = upload(a, null, "elsewhere.csv", new ShopData(20).csv()).getString("file_id");
        ok(a.ask(elsewhere, "total sales"), 200);

        JsonObject listing = ok(a.get("/projects/" + runs + "/runs"), 200);
        assertThat(listing.getInteger("limit")).isEqualTo(100);
        JsonArray all = listing.getJsonArray("runs");
        assertThat(all.stream().map(r -> ((JsonObject) r).getString("kind"))).as("newest first").containsExactly("report", "analysis", "profile");
        JsonObject reportRun = all.getJsonObject(0);
        JsonObject analysis = all.getJsonObject(1);
        JsonObject profile = all.getJsonObject(2);
        assertThat(reportRun.getString("id")).isEqualTo(report.getString("report_id"));
        assertThat(analysis.getString("id")).isEqualTo(answer.getString("job_id"));
        assertThat(profile.getString("id")).isEqualTo(fileId);
        for (Object r : all) {
            JsonObject run = (JsonObject) r;
            assertThat(run.getString("file_id")).isEqualTo(fileId);
            assertThat(run.getString("status")).isEqualTo("done");
            long duration = run.getLong("duration_ms");
            assertThat(Duration.between(Instant.parse(run.getString("started_at")), Instant.parse(run.getString("finished_at"))).toMillis())
                    .as("started_at + duration_ms = finished_at").isEqualTo(duration);
        }
        // each took no longer than the test saw its request take; profiling and answering take some time, while a
        // report of an answer already made may take less than the millisecond its duration is counted in
        assertThat(profile.getLong("duration_ms")).isBetween(1L, uploadMs);
        assertThat(analysis.getLong("duration_ms")).isBetween(1L, askMs);
        assertThat(reportRun.getLong("duration_ms")).isBetween(0L, reportMs);

        assertThat(ok(a.get("/projects/" + runs + "/runs?limit=1"), 200).getJsonArray("runs")).hasSize(1)
                .first().extracting(r -> ((JsonObject) r).getString("kind")).isEqualTo("report");
        refused(a.get("/projects/" + runs + "/runs?limit=0"), 400, "bad_request");
        refused(a.get("/projects/" + runs + "/runs?limit=1001"), 400, "bad_request");
        refused(a.get("/projects/" + runs + "/runs?limit=many"), 400, "bad_request");
        // the default project's runs include the other file's job, not this project's
        JsonArray defaults = ok(a.get("/projects/default/runs"), 200).getJsonArray("runs");
        assertThat(ids(defaults, "file_id")).doesNotContain(fileId).contains(elsewhere);
    }

    @Test
    void deletingAProjectRemovesEveryKeyOfItAndItsFiles() throws Exception {
        String gone = project("To delete");
        String customers = upload(a, gone, "customers.csv", CUSTOMERS).getString("file_id");
        String orders = upload(a, gone, "orders.csv", ORDERS).getString("file_id");
        String kept = upload(a, null, "kept.csv", CUSTOMERS).getString("file_id");
        Polls.until(() -> hints(orders), h -> !h.isEmpty());
        JsonObject answer = ok(a.ask(orders, "total amount"), 200);
        String board = ok(a.post("/files/" + orders + "/boards", new JsonObject().put("name", "Orders")), 201).getString("board_id");
        String report = ok(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", answer.getString("job_id")))
                .put("formats", new JsonArray().add("md"))), 201).getString("report_id");
        // a secret as the Postgres source keeps one, under the project's folder
        Path secret = node.dataDir.resolve("tenant-a/projects/" + gone + "/secrets/warehouse.json");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "{\"sealed\":\"x\"}");
        assertThat(storedUnder("tenant-a/projects/" + gone)).hasSizeGreaterThanOrEqualTo(4); // record, hints (json, md), secret
        assertThat(storedUnder("tenant-a/uploads/" + orders)).isNotEmpty();

        JsonObject deleted = ok(a.delete("/projects/" + gone), 200);
        assertThat(deleted.getBoolean("deleted")).isTrue();
        assertThat(deleted.getJsonArray("files")).containsExactlyInAnyOrder(customers, orders);
        assertThat(deleted.getJsonArray("reports")).containsExactly(report);

        assertThat(storedUnder("tenant-a/projects/" + gone)).as("nothing of the project is left").isEmpty();
        assertThat(storedUnder("tenant-a/uploads/" + customers)).isEmpty();
        assertThat(storedUnder("tenant-a/uploads/" + orders)).isEmpty();
        assertThat(storedUnder("tenant-a/reports/" + report)).isEmpty();
        assertThat(storedUnder("tenant-a/uploads/" + kept)).as("files of other projects stay").isNotEmpty();
        for (String path : List.of("/files/" + customers, "/files/" + orders, "/files/" + orders + "/profile", "/boards/" + board,
                "/reports/" + report)) {
            assertThat(a.get(path).statusCode()).as(path).isEqualTo(404);
        }
        refused(a.get("/projects/" + gone), 404, "project_not_found");
        refused(a.get("/files?project=" + gone), 404, "project_not_found");
        refused(a.upload("/files?name=late.csv&project=" + gone, "text/csv", CUSTOMERS.getBytes(StandardCharsets.UTF_8)), 404, "project_not_found");
        assertThat(ids(ok(a.get("/projects"), 200).getJsonArray("projects"), "project_id")).doesNotContain(gone);
        refused(a.delete("/projects/" + gone), 404, "project_not_found");
        assertThat(storedUnder("tenant-a/projects/" + gone)).as("no join hints written back after the delete").isEmpty();

        // audit entries are written just after the reply
        java.util.function.Supplier<List<String>> actions = () -> ok(a.get("/audit"), 200).getJsonArray("entries").stream()
                .map(JsonObject.class::cast).filter(e -> gone.equals(e.getJsonObject("details").getString("project_id")))
                .map(e -> e.getString("action")).toList();
        assertThat(Polls.until(actions, list -> list.size() >= 2)).containsExactly("project.create", "project.delete");
    }

    @Test
    void aFileOfTheSameNameInAnotherProjectIsNoReuploadOfIt() {
        String first = project("Versions A");
        String second = project("Versions B");
        String original = upload(a, first, "sales.csv", CUSTOMERS).getString("file_id");
        String board = ok(a.post("/files/" + original + "/boards", new JsonObject().put("name", "Sales")), 201).getString("board_id");
        upload(a, second, "sales.csv", CUSTOMERS);
        assertThat(ok(a.get("/boards/" + board), 200).getString("file_id")).as("another project's file keeps its board").isEqualTo(original);
        String again = upload(a, first, "sales.csv", CUSTOMERS).getString("file_id");
        assertThat(ok(a.get("/boards/" + board), 200).getString("file_id")).as("a re-upload in the same project takes it").isEqualTo(again);
    }

    @Test
    void theDefaultProjectStaysAnotherTenantsIsNotFoundAndBadInputIsRefused() {
        String mine = project("Private");
        refused(a.delete("/projects/default"), 409, "default_project");
        assertThat(ok(a.get("/projects/default"), 200).getString("name")).isEqualTo("Default");

        for (HttpResponse<Buffer> response : List.of(b.get("/projects/" + mine), b.delete("/projects/" + mine),
                b.get("/projects/" + mine + "/runs"), b.get("/files?project=" + mine),
                b.upload("/files?name=x.csv&project=" + mine, "text/csv", CUSTOMERS.getBytes(StandardCharsets.UTF_8)),
                b.post("/upload?project=" + mine, new JsonObject().put("file_name", "x.csv").put("content_type", "text/csv")),
                a.get("/projects/p_000000000000"), a.get("/projects/not-an-id"))) {
            refused(response, 404, "project_not_found");
        }
        assertThat(ids(ok(b.get("/projects"), 200).getJsonArray("projects"), "project_id")).as("tenant B sees its default project only")
                .containsExactly("default");
        assertThat(ok(a.get("/projects/" + mine), 200).getString("name")).as("still there after B's delete").isEqualTo("Private");

        refused(a.post("/projects", new JsonObject()), 400, "bad_request");
        refused(a.post("/projects", new JsonObject().put("name", "  ")), 400, "bad_request");
        refused(a.post("/projects", new JsonObject().put("name", "x".repeat(81))), 400, "bad_request");
        refused(a.post("/projects", new JsonObject().put("name", 7)), 400, "bad_request");
        refused(a.post("/projects", new JsonObject().put("name", "Fine").put("description", 3)), 400, "bad_request");
        HttpResponse<Buffer> notJson = node.client.post("/projects").putHeader("Authorization", "Bearer " + TestTokens.forTenant(node.vertx, "tenant-a"))
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{not json")).await();
        refused(notJson, 400, "bad_json");
        refused(a.post("/projects", new JsonObject().put("name", "private")), 409, "project_name_taken");
        refused(a.post("/projects", new JsonObject().put("name", "default")), 409, "project_name_taken");
        // another tenant may use the same name
        assertThat(ok(b.post("/projects", new JsonObject().put("name", "Private")), 201).getString("project_id")).isNotEqualTo(mine);
    }
}
