package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ingest.SampleData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard's benchmark (docs/BENCHMARKS.md, "Dashboard page"), run on demand by {@code bash bench/run.sh page}
 * and never by {@code mvn verify} (its name matches neither the unit nor the end-to-end test pattern). In headless
 * Chromium against a real node, it measures, inside the browser:
 * <ul>
 *   <li>the page weight: the JS and CSS of a first load (a fresh browser profile), from the Performance API's
 *   resource timings (bytes transferred, and decoded), file by file;</li>
 *   <li>the time from pressing Enter in the question box to the first job event from the bridge and to the answer
 *   in the page (the page's own {@code ask:first-step} and {@code ask:answer} measures), for a cold question (a
 *   fresh upload each time, so nothing is cached) and for the same question again (answered from the cache);</li>
 *   <li>a board of 8 tiles on a 1,000,000-row orders file ({@link SampleData}, as {@code bench/run.sh cold-ask}
 *   uploads): from the click that opens it until all 8 tiles are on the page and every chart has drawn its marks.</li>
 * </ul>
 * Settings (system properties): {@code bench.reps} (repetitions, default 9), {@code bench.askRows} (rows of the
 * file the questions are asked of, default 100000), {@code bench.boardRows} (default 1000000). The summary is
 * printed and written to {@code target/bench/dashboard-page.txt}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(1800)
class DashboardBench {

    private static final String QUESTION = "total Sales by Region";
    private static final List<String> TILES = List.of("number of rows", "total Sales", "total Sales by month of Order Date",
            "total Sales by Region", "distribution of Sales", "correlation of Sales, Profit, Discount and Quantity",
            "average Profit by Category", "total Sales by Segment");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int reps = Integer.getInteger("bench.reps", 9);
    private final int askRows = Integer.getInteger("bench.askRows", 100_000);
    private final int boardRows = Integer.getInteger("bench.boardRows", 1_000_000);
    private final StringBuilder report = new StringBuilder();

    @Test
    void dashboardPage(Vertx vertx, @TempDir Path dir) throws Exception {
        TestNode node = TestNode.start(vertx, Map.of("DATASENSE_SAMPLE_DATA", "false"));
        String base = "http://localhost:" + node.config.port();
        line("node: port %d, generated boards off; Chromium headless 1280x800; %d repetitions", node.config.port(), reps);
        try (Browser browser = new Browser()) {
            pageWeight(browser, base);
            askTimings(browser, base, node, dir);
            boardTimings(browser, base, node, dir);
        } finally {
            node.close();
            Path out = Path.of("target", "bench", "dashboard-page.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println("\n== dashboard page benchmark (also in " + out.toAbsolutePath() + ")\n" + report);
        }
    }

    /** JS and CSS of a first load in a fresh profile: transferred bytes (headers included) and decoded bodies. */
    private void pageWeight(Browser browser, String base) {
        load(browser, base);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) browser.driver.executeScript("""
                return performance.getEntriesByType('resource')
                  .filter(e => /\\.(js|css)$/.test(new URL(e.name).pathname))
                  .map(e => ({ name: new URL(e.name).pathname, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }));
                """);
        long transfer = 0;
        long decoded = 0;
        List<Map<String, Object>> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Long.compare(number(b.get("transfer")), number(a.get("transfer"))));
        for (Map<String, Object> e : entries) {
            transfer += number(e.get("transfer"));
            decoded += number(e.get("decoded"));
        }
        assertThat(transfer).as("a first load transfers its scripts").isPositive();
        line("");
        line("page weight, first load: %d JS/CSS files, %,d bytes transferred (%,d decoded)", entries.size(), transfer, decoded);
        for (Map<String, Object> e : sorted) {
            line("  %-58s %,10d transferred %,10d decoded", e.get("name"), number(e.get("transfer")), number(e.get("decoded")));
        }
    }

    /** Enter to the first step event and to the answer: a cold question on a fresh upload, then the same one cached. */
    private void askTimings(Browser browser, String base, TestNode node, Path dir) throws Exception {
        Path csv = dir.resolve("orders-ask.csv");
        SampleData.writeOrders(csv, askRows, SampleData.DEFAULT_SEED);
        List<Double> coldFirst = new ArrayList<>();
        List<Double> coldAnswer = new ArrayList<>();
        List<Double> cachedAnswer = new ArrayList<>();
        int cachedWithSteps = 0;
        for (int rep = 0; rep <= reps; rep++) { // rep 0 warms the node and the browser up and is not counted
            String name = "orders-ask-" + rep + ".csv";
            upload(base, csv, name);
            Turn cold = askOnPage(browser, base, name);
            Turn cached = askOnPage(browser, base, name);
            assertThat(cold.firstStepMs()).as("a cold question shows live steps").isNotNull();
            assertThat(cold.cached()).isFalse();
            assertThat(cached.cached()).as("the same question again is answered from the cache").isTrue();
            if (rep == 0) {
                continue;
            }
            coldFirst.add(cold.firstStepMs());
            coldAnswer.add(cold.answerMs());
            cachedAnswer.add(cached.answerMs());
            if (cached.firstStepMs() != null) {
                cachedWithSteps++;
            }
        }
        line("");
        line("Enter -> page, question '%s' on a %,d-row orders CSV (%d runs each; rep 0 not counted)", QUESTION, askRows, reps);
        line("  cold (fresh upload each run): first step event  median %s  p90 %s ms", median(coldFirst), p90(coldFirst));
        line("  cold (fresh upload each run): answer in the page median %s  p90 %s ms", median(coldAnswer), p90(coldAnswer));
        line("  cached (same question again): answer in the page median %s  p90 %s ms (step events shown: %d of %d runs)",
                median(cachedAnswer), p90(cachedAnswer), cachedWithSteps, reps);
    }

    /** An answered turn's timings, as the page recorded them (ms from Enter; no first step when no event came). */
    private record Turn(Double firstStepMs, double answerMs, boolean cached) {
    }

    /** Loads the page, opens {@code file} and asks {@link #QUESTION} with Enter; the answered turn's timings. */
    private Turn askOnPage(Browser browser, String base, String file) {
        load(browser, base);
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//table[@id='catalog']//button[text()='" + file + "']"))).click();
        browser.until(ExpectedConditions.textToBe(By.id("file-title"), file));
        browser.visible("#question").sendKeys(QUESTION, Keys.ENTER);
        String css = "#conversation article.turn";
        browser.until(d -> d.findElements(By.cssSelector(css + "[data-state='answered']")).size() == 1);
        WebElement turn = browser.driver.findElement(By.cssSelector(css));
        String first = turn.getAttribute("data-first-step-ms");
        return new Turn(first == null ? null : Double.valueOf(first), Double.parseDouble(turn.getAttribute("data-answer-ms")),
                "true".equals(turn.findElement(By.cssSelector(".answer")).getAttribute("data-cached")));
    }

    /** A board of 8 tiles on the large file: the click that opens it to the last tile's chart drawn. */
    private void boardTimings(Browser browser, String base, TestNode node, Path dir) throws Exception {
        Path csv = dir.resolve("orders-board.csv");
        SampleData.writeOrders(csv, boardRows, SampleData.DEFAULT_SEED);
        long started = System.nanoTime();
        JsonObject file = upload(base, csv, "orders-board.csv");
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        String fileId = file.getString("file_id");
        String boardId = node.post("/files/" + fileId + "/boards", new JsonObject().put("name", "Eight tiles")).bodyAsJsonObject().getString("board_id");
        for (String question : TILES) {
            JsonObject answer = node.ask(fileId, question).bodyAsJsonObject();
            assertThat(answer.getString("question_id")).as(question + ": " + answer).isNotNull();
            var pinned = node.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", answer.getString("question_id")));
            assertThat(pinned.statusCode()).as(pinned.bodyAsString()).isEqualTo(201);
        }
        JsonArray tiles = node.get("/boards/" + boardId).bodyAsJsonObject().getJsonArray("tiles");
        assertThat(tiles).hasSize(8);
        List<Double> drawn = new ArrayList<>();
        int charts = 0;
        for (int rep = 0; rep <= reps; rep++) {
            load(browser, base);
            browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//table[@id='catalog']//button[text()='orders-board.csv']"))).click();
            WebElement open = browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='board-list']//button[text()='Eight tiles']")));
            // clicked inside the page, then timed there frame by frame until every tile is drawn
            Object result = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const start = performance.now();
                    arguments[0].click();
                    const drawn = () => {
                      const tiles = document.querySelectorAll('#tiles article.tile');
                      const charts = [...document.querySelectorAll('#tiles figure.chart')];
                      return tiles.length === 8 && charts.every(f => f.dataset.rendered
                        && (f.dataset.rendered !== 'true' || f.querySelectorAll('svg .role-mark path, svg .role-mark rect, svg .role-mark symbol, svg .role-mark line').length > 0))
                        ? charts.length : -1;
                    };
                    const frame = () => {
                      const n = drawn();
                      if (n >= 0) done([performance.now() - start, n]);
                      else if (performance.now() - start > 60000) done([-1, -1]);
                      else requestAnimationFrame(frame);
                    };
                    requestAnimationFrame(frame);
                    """, open);
            List<?> pair = (List<?>) result;
            double ms = ((Number) pair.get(0)).doubleValue();
            assertThat(ms).as("all 8 tiles drawn within 60 s").isPositive();
            charts = ((Number) pair.get(1)).intValue();
            if (rep > 0) {
                drawn.add(ms);
            }
        }
        line("");
        line("board of 8 tiles on a %,d-row orders CSV (upload %.1f s; %d of the tiles are charts): click to all drawn "
                + "median %s  p90 %s ms (%d runs; rep 0 not counted)", boardRows, uploadSeconds, charts, median(drawn), p90(drawn), reps);
    }

    private void load(Browser browser, String base) {
        browser.driver.get(base + "/");
        browser.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private static JsonObject upload(String base, Path csv, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new JsonObject(response.body());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static String p90(List<Double> values) {
        return quantile(values, 0.9);
    }

    /** The nearest-rank quantile, in ms with one decimal. */
    private static String quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(q * sorted.size());
        return String.format(Locale.ROOT, "%.1f", sorted.get(Math.max(0, rank - 1)));
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
