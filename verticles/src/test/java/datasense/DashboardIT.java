package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real Chromium against real nodes: one with authentication off, one that requires it. The page
 * loads without console errors, uploads a CSV (picked, or dropped on the page), asks over the event-bus bridge and shows the agent's steps as they
 * happen, then the answer's table and its chart drawn by vega-embed; a best guess offers its alternatives as
 * re-asks; a follow-up stays in the conversation; the history re-runs a question; a result table sorts by a click
 * (and by Enter) on its header; an answer pinned to a board is on it after the node restarts, and its tile re-runs;
 * a fresh upload's generated board shows its tiles; a page signed in with one tenant's API key lists none of
 * another tenant's files; with S3 the page uploads straight to the bucket (S3Proxy) and the node ingests it; the
 * history forgets a question and reopens a conversation where it was left; at a phone's width (390x844) nothing is
 * wider than the screen; and with the keyboard alone a file is opened and a question asked, every control named.
 * A failing test leaves a screenshot in {@code target/screenshots/}. The pictures of the upload, an answer with its
 * chart, a board and the phone view in {@code docs/screenshots/} are taken here, so they stay true.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class DashboardIT {

    private TestNode open;
    private TestNode secured;
    private Vertx securedVertx;
    private Browser browser;
    private final ShopData shop = new ShopData(120);

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("DashboardIT-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        // no generated boards here: their questions would answer this node's questions from the cache, with no live steps
        open = TestNode.start(vertx, Map.of("DATASENSE_SAMPLE_DATA", "false"));
        // a Vert.x of its own: two nodes on one event bus would share (and mix up) each other's consumers
        securedVertx = Vertx.vertx();
        // tokens of 4 s and no leeway, so the page must renew its token to go on working
        secured = TestNode.start(securedVertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_TOKEN_TTL_SECONDS", "4", "DATASENSE_JWT_LEEWAY_SECONDS", "0")));
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (open != null) {
            open.close();
        }
        if (secured != null) {
            secured.close();
        }
        if (securedVertx != null) {
            securedVertx.close().await();
        }
    }

    private void load(TestNode node) {
        browser.driver.get("http://localhost:" + node.config.port() + "/");
        browser.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private void chooseFile(String name) {
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//table[@id='catalog']//button[text()='" + name + "']"))).click();
        browser.until(ExpectedConditions.textToBe(By.id("file-title"), name));
    }

    /** Types {@code question} and presses Enter; returns the n-th turn (1-based) once it is answered. */
    private WebElement ask(String question, int turn) {
        WebElement box = browser.visible("#question");
        box.sendKeys(question, Keys.ENTER);
        return answered(turn);
    }

    private WebElement answered(int turn) {
        String css = "#conversation article.turn:nth-of-type(" + turn + ")";
        browser.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && !"asking".equals(found.get(0).getAttribute("data-state"));
        });
        WebElement article = browser.driver.findElement(By.cssSelector(css));
        assertThat(article.getAttribute("data-state")).as(article.getText()).isEqualTo("answered");
        return article;
    }

    /** A picture for the README, written to docs/screenshots/{name}.png in the repository. */
    private void docsPicture(WebElement element, String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (with docs/)").isNotNull();
        browser.picture(element, dir.resolve("docs/screenshots/" + name + ".png"));
    }

    private static List<String> firstColumn(WebElement table) {
        return table.findElements(By.cssSelector("tbody tr td:first-child")).stream().map(WebElement::getText).toList();
    }

    private static WebElement renderedChart(WebElement within) {
        List<WebElement> rendered = within.findElements(By.cssSelector("figure.chart[data-rendered='true'] svg"));
        return rendered.isEmpty() ? null : rendered.get(0);
    }

    private static Map<String, String> tableOf(WebElement turn) {
        Map<String, String> cells = new HashMap<>();
        for (WebElement row : turn.findElements(By.cssSelector(".result-table tbody tr"))) {
            List<WebElement> tds = row.findElements(By.tagName("td"));
            cells.put(tds.get(0).getText(), tds.get(1).getText());
        }
        return cells;
    }

    /** A number as the page writes it (en-US, thousands separators, at most two decimals). */
    private static String formatted(double value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    @Test
    void uploadAskWatchTheStepsThenFollowUpAndRerun(@TempDir Path dir) throws Exception {
        load(open);
        assertThat(browser.consoleErrors()).as("console errors on load").isEmpty();
        Path csv = dir.resolve("shop-orders.csv");
        Files.writeString(csv, shop.csv());

        browser.visible("#file-input").sendKeys(csv.toAbsolutePath().toString());
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "120 rows"));
        browser.until(ExpectedConditions.textToBe(By.id("file-title"), "shop-orders.csv"));
        assertThat(browser.all("#catalog tbody tr")).extracting(WebElement::getText).anyMatch(t -> t.startsWith("shop-orders.csv 120"));
        browser.visible("#preview-box summary").click();
        browser.until(d -> d.findElements(By.cssSelector("#preview tbody tr")).size() == 20);

        WebElement turn = ask("total sales by region", 1);
        int live = Integer.parseInt(turn.getAttribute("data-events-before-answer"));
        assertThat(live).as("step events shown before the answer: " + turn.getText()).isGreaterThanOrEqualTo(2);
        assertThat(turn.findElements(By.cssSelector("ol.steps li[data-event='step_finished']"))).isNotEmpty();
        Map<String, String> expected = new HashMap<>();
        shop.salesByRegion().forEach((region, sum) -> expected.put(region, formatted(sum)));
        assertThat(tableOf(turn)).isEqualTo(expected);
        WebElement chart = browser.until(d -> {
            List<WebElement> rendered = turn.findElements(By.cssSelector("figure.chart[data-rendered]"));
            return rendered.isEmpty() ? null : rendered.get(0);
        });
        assertThat(chart.getAttribute("data-rendered")).as("drawn by vega-embed from spec_url").isEqualTo("true");
        assertThat(chart.findElements(By.cssSelector("svg g.role-mark path"))).as("one bar per region").hasSizeGreaterThanOrEqualTo(4);
        assertThat(chart.findElement(By.cssSelector("a.png")).getAttribute("href")).endsWith(".png");
        assertThat(turn.findElement(By.cssSelector("pre.sql")).getAttribute("textContent")).contains("SUM(\"Sales\")");

        WebElement followUp = ask("now only for the West", 2);
        assertThat(tableOf(followUp)).containsOnlyKeys("West").containsEntry("West", expected.get("West"));

        browser.visible("#history-box summary").click();
        WebElement asked = browser.until(d -> d.findElements(By.cssSelector("#history li")).stream()
                .filter(li -> li.getText().startsWith("total sales by region")).findFirst().orElse(null));
        asked.findElement(By.cssSelector("button.rerun")).click();
        WebElement rerun = answered(3);
        assertThat(rerun.findElement(By.cssSelector(".q")).getText()).isEqualTo("total sales by region (re-run)");
        assertThat(tableOf(rerun)).isEqualTo(expected);
        assertThat(browser.consoleErrors()).as("console errors while asking").isEmpty();
    }

    @Test
    void aBestGuessOffersItsAlternativesAsReAsks() {
        assertThat(open.uploadCsv("guess-orders.csv", shop.csv()).statusCode()).isEqualTo(201);
        load(open);
        chooseFile("guess-orders.csv");
        WebElement turn = ask("which region is best", 1);
        assertThat(turn.findElement(By.cssSelector(".guess")).getText()).contains("best guess");
        List<WebElement> alternatives = turn.findElements(By.cssSelector(".guess button.alternative"));
        assertThat(alternatives).isNotEmpty();
        String alternative = alternatives.get(0).getText();
        assertThat(alternative).startsWith("which region is best by ");
        alternatives.get(0).click();
        WebElement reAsked = answered(2);
        assertThat(reAsked.findElement(By.cssSelector(".q")).getText()).isEqualTo(alternative);
        assertThat(reAsked.findElements(By.cssSelector(".result-table tbody tr"))).isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();

        browser.all("#catalog tbody tr").stream().filter(r -> r.getText().startsWith("guess-orders.csv")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button.delete")).click();
        browser.until(ExpectedConditions.alertIsPresent()).accept();
        browser.until(d -> d.findElements(By.xpath("//table[@id='catalog']//button[text()='guess-orders.csv']")).isEmpty());
        assertThat(browser.driver.findElement(By.id("file-view")).isDisplayed()).isFalse();
        assertThat(open.get("/files").bodyAsString()).doesNotContain("guess-orders.csv");
    }

    @Test
    void aRefusedUploadShowsTheServersMessage(@TempDir Path dir) throws Exception {
        load(open);
        Path bad = dir.resolve("notes.bin");
        Files.write(bad, new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0, 0, 7});
        browser.visible("#file-input").sendKeys(bad.toAbsolutePath().toString());
        String shown = browser.visible("#upload-error").getText();
        assertThat(shown).startsWith("Upload refused: ");
        var direct = open.client.post("/files").addQueryParam("name", "notes.bin").putHeader("Content-Type", "application/octet-stream")
                .sendBuffer(io.vertx.core.buffer.Buffer.buffer(Files.readAllBytes(bad))).await();
        assertThat(direct.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(shown).as("the server's own message").contains(direct.bodyAsJsonObject().getString("message"));
        browser.consoleErrors(); // the refused request is logged by the browser: expected here
    }

    @Test
    void theDataQualityNotesOfAFileAreShown(@TempDir Path dir) throws Exception {
        load(open);
        Path csv = dir.resolve("quality-notes.csv");
        StringBuilder rows = new StringBuilder("order_id,amount,country\n");
        for (int i = 0; i < 40; i++) {
            rows.append("Q").append(i).append(',').append(10 + i).append(",UK\n"); // one country on every row
        }
        Files.writeString(csv, rows.toString());
        browser.visible("#file-input").sendKeys(csv.toAbsolutePath().toString());
        browser.until(ExpectedConditions.textToBe(By.id("file-title"), "quality-notes.csv"));
        browser.visible("#quality-box summary").click();
        browser.until(d -> d.findElements(By.cssSelector("#quality li[data-kind='constant']")).stream()
                .anyMatch(li -> li.getText().startsWith("country: ")));
        assertThat(browser.driver.findElement(By.id("profile-link")).getAttribute("href")).endsWith("/profile.html");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aFileDroppedOnThePageIsUploaded() {
        load(open);
        // what the browser does with a file dragged from the desktop: a drop event carrying it in a DataTransfer
        browser.driver.executeScript("""
                const data = new DataTransfer();
                data.items.add(new File(['Region,Sales\\nNorth,10\\nSouth,20\\nNorth,5\\n'], 'dropped.csv', { type: 'text/csv' }));
                document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
                """);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "Uploaded dropped.csv: 3 rows, 2 columns"));
        browser.until(ExpectedConditions.textToBe(By.id("file-title"), "dropped.csv"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPageSignedInWithOneTenantsKeySeesNoneOfAnothersFiles() {
        Caller acme = Caller.bearer(secured, TestTokens.forTenant(secured.vertx, "acme"));
        Caller globex = Caller.bearer(secured, TestTokens.forTenant(secured.vertx, "globex"));
        assertThat(acme.uploadCsv("acme-orders.csv", shop.csv()).statusCode()).isEqualTo(201);
        assertThat(globex.uploadCsv("globex-secret.csv", shop.csv()).statusCode()).isEqualTo(201);
        String acmeKey = apiKey(acme);

        load(secured);
        browser.visible("#api-key").sendKeys("dsk_not_a_key", Keys.ENTER);
        assertThat(browser.visible("#sign-in-error").getText()).isNotBlank();
        assertThat(browser.driver.findElement(By.id("app")).isDisplayed()).isFalse();
        browser.consoleErrors(); // the refused key's 401 is logged by the browser: expected here

        WebElement key = browser.visible("#api-key");
        key.clear();
        key.sendKeys(acmeKey, Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "acme"));
        browser.until(d -> !d.findElements(By.cssSelector("#catalog tbody tr")).isEmpty());
        assertThat(browser.all("#catalog tbody tr")).extracting(WebElement::getText)
                .anyMatch(t -> t.startsWith("acme-orders.csv"))
                .noneMatch(t -> t.contains("globex"));

        // past the first token's expiry: the page renewed it (at 2, 4 and 6 s) and goes on working
        browser.until(d -> Integer.parseInt(String.valueOf(d.findElement(By.tagName("body")).getAttribute("data-renewals")).replace("null", "0")) >= 3);
        chooseFile("acme-orders.csv");
        WebElement turn = ask("total sales by region", 1);
        assertThat(tableOf(turn)).containsEntry("West", formatted(shop.salesByRegion().get("West")));
        WebElement chart = browser.until(d -> {
            List<WebElement> rendered = turn.findElements(By.cssSelector("figure.chart[data-rendered]"));
            return rendered.isEmpty() ? null : rendered.get(0);
        });
        assertThat(chart.getAttribute("data-rendered")).as("the signed spec_url works without a header").isEqualTo("true");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String apiKey(Caller caller) {
        var created = caller.post("/api-keys", new JsonObject().put("name", "dashboard")
                .put("scopes", new JsonArray().add("read").add("ask").add("upload")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        return created.bodyAsJsonObject().getString("key");
    }

    @Test
    void aPersonArrivingWithAnIdentityProvidersTokenIsSignedInAndAsksASuggestedQuestion() throws Exception {
        KeyPair provider = TestKeys.ec(); // the identity provider's keys: the node knows only the public one
        Vertx own = Vertx.vertx();
        TestNode node = TestNode.start(own, Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_AUTH", "required",
                "DATASENSE_JWT_PUBLIC_KEY", TestKeys.pem(provider.getPublic()), "DATASENSE_TENANT_CLAIM", "org_id"));
        try {
            JsonObject claims = new JsonObject().put("sub", "idp|ann").put("org_id", "initech");
            String token = TestKeys.token(own, provider, "ES256", null, claims);
            assertThat(Caller.bearer(node, token).uploadCsv("initech-orders.csv", shop.csv()).statusCode()).isEqualTo(201);
            String page = "http://localhost:" + node.config.port() + "/";

            // a token of another provider is refused, and the page says so on its sign-in form
            arrive(page + "#access_token=" + TestKeys.token(own, TestKeys.ec(), "ES256", null, claims));
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "The token you arrived with was refused"));
            assertThat(browser.driver.findElement(By.id("app")).isDisplayed()).isFalse();
            browser.consoleErrors(); // the refused token's 401 is logged by the browser: expected here

            arrive(page + "#access_token=" + token + "&token_type=Bearer&expires_in=600");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "initech"));
            assertThat(browser.driver.getCurrentUrl()).as("the token is taken out of the address bar").doesNotContain("access_token");
            chooseFile("initech-orders.csv");
            List<WebElement> suggested = browser.until(d -> {
                List<WebElement> buttons = d.findElements(By.cssSelector("#suggested button.suggested"));
                return buttons.isEmpty() ? null : buttons;
            });
            assertThat(suggested).extracting(WebElement::getText).anyMatch(q -> q.contains("Sales"));
            String question = suggested.get(0).getText();
            suggested.get(0).click();
            WebElement turn = answered(1);
            assertThat(turn.findElement(By.cssSelector("p.q")).getText()).isEqualTo(question);
            assertThat(turn.getText()).doesNotContainIgnoringCase("best guess");
            assertThat(browser.consoleErrors()).isEmpty();

            // a provider's token cannot be renewed by the page: when it expires the page signs out and says why
            arrive(page + "#access_token=" + TestKeys.token(own, provider, "ES256", null, claims, 3));
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "initech"));
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "expired"));
            assertThat(browser.driver.findElement(By.id("app")).isDisplayed()).isFalse();
        } finally {
            node.close();
            own.close().await();
        }
    }

    /** Opens {@code url} as a fresh page (a URL that differs only in its fragment would not reload it). */
    private void arrive(String url) {
        browser.driver.get("about:blank");
        browser.driver.get(url);
        browser.until(d -> !"null".equals(String.valueOf(d.findElement(By.tagName("body")).getAttribute("data-ready"))));
    }

    @Test
    void theGeneratedBoardOfAFreshUploadShowsItsTiles(@TempDir Path dir) throws Exception {
        Vertx own = Vertx.vertx();
        TestNode node = TestNode.start(own, Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_GENERATED_BOARDS", "true"));
        try {
            generatedBoard(node, dir);
        } finally {
            node.close();
            own.close().await();
        }
    }

    private void generatedBoard(TestNode node, Path dir) throws Exception {
        load(node);
        Path csv = dir.resolve("board-orders.csv");
        Files.writeString(csv, shop.csv());
        browser.visible("#file-input").sendKeys(csv.toAbsolutePath().toString());
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "120 rows"));
        browser.until(ExpectedConditions.textToBe(By.id("file-title"), "board-orders.csv"));
        docsPicture(null, "upload");

        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='board-list']//button[text()='Overview']"))).click();
        // the page looks again every second while the board is being generated
        browser.until(d -> "false".equals(d.findElement(By.id("board-view")).getAttribute("data-generating")));
        assertThat(browser.all("#tiles article.tile h4")).extracting(WebElement::getText).containsExactly(
                "number of rows", "total Sales", "total Sales by month of Order Date", "total Sales by Region",
                "distribution of Sales", "correlation of Sales, Profit, Discount and Quantity");
        WebElement byRegion = browser.all("#tiles article.tile").get(3);
        Map<String, String> expected = new HashMap<>();
        shop.salesByRegion().forEach((region, sum) -> expected.put(region, formatted(sum)));
        assertThat(tableOf(byRegion)).isEqualTo(expected);
        assertThat(browser.all("#tiles article.tile").get(0).getText()).contains("120");
        browser.until(d -> renderedChart(byRegion));
        browser.until(d -> renderedChart(browser.all("#tiles article.tile").get(2)));
        browser.until(d -> browser.all("#board-list li").get(0).getText().equals("Overview 6 tiles"));
        browser.until(d -> d.findElements(By.cssSelector("#tiles figure.chart")).stream().allMatch(f -> f.getAttribute("data-rendered") != null));
        assertThat(browser.all("#tiles figure.chart[data-rendered='true']")).as("four tiles have a chart").hasSize(4);
        browser.until(d -> browser.chartsDrawn(d.findElement(By.id("tiles"))));
        docsPicture(browser.driver.findElement(By.id("boards")), "board");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aTableSortsByItsHeadersAndAPinnedAnswerIsOnItsBoardAfterARestart() throws Exception {
        Vertx first = Vertx.vertx();
        TestNode node = TestNode.start(first, Map.of("DATASENSE_SAMPLE_DATA", "false"));
        Vertx second = null;
        TestNode again = null;
        try {
            assertThat(node.uploadCsv("pinned-orders.csv", shop.csv()).statusCode()).isEqualTo(201);
            load(node);
            chooseFile("pinned-orders.csv");
            WebElement turn = ask("total sales by region", 1);
            Map<String, String> expected = new HashMap<>();
            shop.salesByRegion().forEach((region, sum) -> expected.put(region, formatted(sum)));

            // sorted by a click on the header, then the other way by Enter on it (a keyboard)
            List<String> ascending = shop.salesByRegion().entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).toList();
            WebElement table = turn.findElement(By.cssSelector(".result-table table"));
            WebElement header = table.findElement(By.cssSelector("thead th:nth-child(2)"));
            header.findElement(By.cssSelector("button.sort")).click();
            assertThat(header.getAttribute("aria-sort")).isEqualTo("ascending");
            assertThat(firstColumn(table)).containsExactlyElementsOf(ascending);
            header.findElement(By.cssSelector("button.sort")).sendKeys(Keys.ENTER);
            assertThat(header.getAttribute("aria-sort")).isEqualTo("descending");
            List<String> descending = new java.util.ArrayList<>(ascending);
            java.util.Collections.reverse(descending);
            assertThat(firstColumn(table)).containsExactlyElementsOf(descending);
            table.findElement(By.cssSelector("thead th:nth-child(1) button.sort")).click();
            assertThat(firstColumn(table)).containsExactly("East", "North", "South", "West");

            browser.until(d -> renderedChart(turn));
            docsPicture(turn, "answer");

            WebElement board = turn.findElement(By.cssSelector("form.pin input.board-name"));
            board.clear();
            board.sendKeys("Sales board", Keys.ENTER);
            browser.until(ExpectedConditions.textToBePresentInElement(turn.findElement(By.cssSelector(".pin-status")), "Pinned to Sales board."));
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-list"), "Sales board"));

            node.close();
            first.close().await();
            second = Vertx.vertx();
            again = node.restartOn(second);

            load(again);
            chooseFile("pinned-orders.csv");
            browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='board-list']//button[text()='Sales board']"))).click();
            WebElement tile = browser.until(d -> d.findElements(By.cssSelector("#tiles article.tile")).stream()
                    .filter(t -> t.findElement(By.tagName("h4")).getText().equals("total sales by region")).findFirst().orElse(null));
            assertThat(tableOf(tile)).isEqualTo(expected);
            assertThat(tile.getAttribute("data-refreshed-at")).isEmpty();

            tile.findElement(By.cssSelector("button.rerun-tile")).click();
            // the tile is drawn again with its new answer
            WebElement refreshed = browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles article.tile:not([data-refreshed-at=''])")));
            assertThat(tableOf(refreshed)).isEqualTo(expected);
            assertThat(refreshed.getText()).contains("refreshed");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            node.close();
            first.close().await();
            if (again != null) {
                again.close();
            }
            if (second != null) {
                second.close().await();
            }
        }
    }

    @Test
    void withS3ThePageUploadsStraightToTheBucketThenTheNodeIngestsIt(@TempDir Path dir) throws Exception {
        String bucket = "dashboard-uploads";
        S3ProxyServer s3 = S3ProxyServer.startForBrowsers();
        Vertx own = Vertx.vertx();
        TestNode node = null;
        try (var client = s3.client()) {
            client.createBucket(b -> b.bucket(bucket));
            node = TestNode.start(own, Map.of("DATASENSE_SAMPLE_DATA", "false",
                    "S3_BUCKET", bucket,
                    "S3_ENDPOINT", s3.endpoint().toString(),
                    "S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                    "S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY));
            load(node);
            Path csv = dir.resolve("s3-orders.csv");
            Files.writeString(csv, shop.csv());
            browser.visible("#file-input").sendKeys(csv.toAbsolutePath().toString());
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "Uploaded s3-orders.csv: 120 rows"));
            browser.until(ExpectedConditions.textToBe(By.id("file-title"), "s3-orders.csv"));
            // the bytes went from the page to the bucket (a PUT the browser timed), not to the node
            @SuppressWarnings("unchecked")
            List<String> puts = (List<String>) browser.driver.executeScript(
                    "return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'xmlhttprequest').map(e => e.name);");
            assertThat(puts).anyMatch(url -> url.startsWith(s3.endpoint().toString()));
            String toTheNode = "http://localhost:" + node.config.port() + "/uploads/";
            assertThat(puts).noneMatch(url -> url.startsWith(toTheNode));
            assertThat(browser.driver.findElement(By.id("upload-progress")).getAttribute("data-stages"))
                    .as("the progress bar went through the upload, then the ingest").isEqualTo("uploading uploaded ingesting");
            String fileId = browser.driver.findElement(By.cssSelector("#catalog tbody tr")).getAttribute("data-file-id");
            assertThat(client.listObjectsV2(b -> b.bucket(bucket).prefix("default/uploads/" + fileId + "/")).contents())
                    .extracting(o -> o.key()).contains("default/uploads/" + fileId + "/data.parquet");
            WebElement turn = ask("total sales by region", 1);
            Map<String, String> expected = new HashMap<>();
            shop.salesByRegion().forEach((region, sum) -> expected.put(region, formatted(sum)));
            assertThat(tableOf(turn)).isEqualTo(expected);
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            if (node != null) {
                node.close();
            }
            own.close().await();
            s3.close();
        }
    }

    @Test
    void theHistoryForgetsAQuestionAndReopensAConversationWhereItWasLeft() {
        assertThat(open.uploadCsv("history-orders.csv", shop.csv()).statusCode()).isEqualTo(201);
        load(open);
        chooseFile("history-orders.csv");
        ask("total sales by region", 1);
        ask("now only for the West", 2);
        String conversation = browser.driver.findElement(By.id("conversation")).getAttribute("data-conversation-id");
        assertThat(conversation).startsWith("c_");
        browser.visible("#new-conversation").click();
        ask("average profit by product", 1);

        // a fresh page: no conversation on it; the history reopens the first one as it was left
        load(open);
        chooseFile("history-orders.csv");
        browser.visible("#history-box summary").click();
        WebElement west = historyItem("now only for the West");
        west.findElement(By.cssSelector("button.reopen")).click();
        browser.until(d -> conversation.equals(d.findElement(By.id("conversation")).getAttribute("data-conversation-id"))
                && d.findElements(By.cssSelector("#conversation article.turn[data-reopened]")).size() == 2);
        List<WebElement> turns = browser.all("#conversation article.turn");
        assertThat(turns).extracting(t -> t.findElement(By.cssSelector(".q")).getText())
                .containsExactly("total sales by region", "now only for the West");
        assertThat(tableOf(turns.get(1))).containsOnlyKeys("West");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).as("ready for the next question").isEqualTo("question");
        // and goes on from there: the next question builds on the West-only turn
        WebElement next = ask("what about profit?", 3);
        double westProfit = shop.rows.stream().filter(r -> r.region().equals("West")).mapToDouble(ShopData.Row::profit).sum();
        assertThat(tableOf(next)).as(next.getText()).containsOnlyKeys("West").containsEntry("West", formatted(westProfit));
        assertThat(open.get("/conversations/" + conversation).bodyAsJsonObject().getJsonArray("turns")).hasSize(3);

        // Delete forgets a question: gone from the list, from a fresh page's list and from the API
        WebElement forgotten = historyItem("average profit by product");
        String questionId = forgotten.getAttribute("data-question-id");
        forgotten.findElement(By.cssSelector("button.forget")).click();
        browser.until(ExpectedConditions.stalenessOf(forgotten));
        assertThat(open.get("/questions/" + questionId).statusCode()).isEqualTo(404);
        load(open);
        chooseFile("history-orders.csv");
        browser.visible("#history-box summary").click();
        historyItem("total sales by region");
        assertThat(browser.all("#history li")).extracting(WebElement::getText).noneMatch(t -> t.startsWith("average profit by product"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private WebElement historyItem(String question) {
        return browser.until(d -> d.findElements(By.cssSelector("#history li")).stream()
                .filter(li -> li.getText().startsWith(question + " ")).findFirst().orElse(null));
    }

    /**
     * True when the page is no wider than the phone's 390 px: nothing scrolls sideways but inside its own box. (A
     * mobile viewport widens itself to content that overflows it, so its width is checked too.)
     */
    private boolean fitsTheWindow() {
        return Boolean.TRUE.equals(browser.driver.executeScript("return window.innerWidth === 390"
                + " && document.body.scrollWidth <= window.innerWidth && document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    /** What reaches past the window's right edge, for a failure's message. */
    private Object tooWide() {
        return browser.driver.executeScript("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > 390.5)"
                + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));");
    }

    @Test
    void atAPhonesWidthThePageFitsAndAsks() {
        assertThat(open.uploadCsv("phone-orders.csv", shop.csv()).statusCode()).isEqualTo(201);
        assertThat(open.uploadCsv("quarterly-orders-of-the-north-eastern-region-2024-final-v2.csv", shop.csv()).statusCode()).isEqualTo(201);
        // a phone's viewport (390x844), by Chrome's device emulation
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            load(open);
            // the catalog holds a long name (and whatever this node's other tests uploaded)
            assertThat(fitsTheWindow()).as("the catalog: %s", tooWide()).isTrue();
            chooseFile("phone-orders.csv");
            browser.visible("#preview-box summary").click();
            WebElement turn = ask("total sales by region", 1);
            browser.until(d -> renderedChart(turn));
            turn.findElement(By.cssSelector(".sql-plan summary")).click();
            browser.visible("#history-box summary").click();
            historyItem("total sales by region");
            assertThat(fitsTheWindow()).as("an answer with its chart, table, SQL and plan: %s", tooWide()).isTrue();
            assertThat(tableOf(turn)).hasSize(4);
            WebElement pinButton = turn.findElement(By.cssSelector("button.pin-button"));
            assertThat(pinButton.getRect().getX() + pinButton.getRect().getWidth()).as("Pin is on the screen").isLessThanOrEqualTo(390);
            pinButton.click();
            browser.until(ExpectedConditions.textToBePresentInElement(turn.findElement(By.cssSelector(".pin-status")), "Pinned to My board."));
            browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@id='board-list']//button[text()='My board']"))).click();
            browser.until(d -> !d.findElements(By.cssSelector("#tiles article.tile figure.chart[data-rendered]")).isEmpty());
            assertThat(fitsTheWindow()).as("a board: %s", tooWide()).isTrue();
            browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", turn);
            docsPicture(null, "phone");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void withTheKeyboardOnlyAFileIsOpenedAndAQuestionAskedAndEveryControlIsNamed() {
        assertThat(open.uploadCsv("keys-orders.csv", shop.csv()).statusCode()).isEqualTo(201);
        load(open);
        // Tab from the top of the page to the file's button, Enter opens it
        tabTo(e -> "keys-orders.csv".equals(e.getText()) && "open".equals(e.getAttribute("class")));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.id("file-title"), "keys-orders.csv"));
        // on to the question box, type, Enter asks
        tabTo(e -> "question".equals(e.getAttribute("id")));
        browser.driver.switchTo().activeElement().sendKeys("total sales by region", Keys.ENTER);
        WebElement turn = answered(1);
        Map<String, String> expected = new HashMap<>();
        shop.salesByRegion().forEach((region, sum) -> expected.put(region, formatted(sum)));
        assertThat(tableOf(turn)).isEqualTo(expected);
        assertThat(Integer.parseInt(turn.getAttribute("data-events-before-answer"))).isGreaterThanOrEqualTo(2);
        // the answer's controls are reached by Tab too: the pin box, where Enter pins
        tabTo(e -> "board-name".equals(e.getAttribute("class")));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElement(turn.findElement(By.cssSelector(".pin-status")), "Pinned to My board."));

        // every visible control says what it is to a screen reader
        List<String> unnamed = browser.all("button, input, select, textarea, summary, a[href], [tabindex]").stream()
                .filter(WebElement::isDisplayed)
                .filter(e -> e.getAccessibleName() == null || e.getAccessibleName().isBlank())
                .map(e -> e.getTagName() + "#" + e.getAttribute("id") + "." + e.getAttribute("class")).toList();
        assertThat(unnamed).as("controls without an accessible name").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Presses Tab (at most 150 times) until the focused element matches. */
    private void tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < 150; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if (wanted.test(browser.driver.switchTo().activeElement())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the element; the focus is on " + browser.driver.switchTo().activeElement().getTagName());
    }
}
