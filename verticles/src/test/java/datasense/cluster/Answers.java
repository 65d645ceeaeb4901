package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Checks of /ask answers and of what a job left in the shared data folder, common to the cluster tests. */
final class Answers {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private Answers() {
    }

    /** The table whose first column is {@code group} and whose second column names {@code measure}. */
    static JsonObject groupedTable(JsonObject body, String group, String measure) {
        return Api.results(body, "table").stream()
                .filter(t -> t.getJsonArray("columns").size() == 2 && group.equals(t.getJsonArray("columns").getString(0))
                        && t.getJsonArray("columns").getString(1).contains(measure))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table of " + measure + " by " + group + " in " + tablesOf(body)));
    }

    /** The table whose label contains every one of {@code words}. */
    static JsonObject labelledTable(JsonObject body, String... words) {
        return Api.results(body, "table").stream()
                .filter(t -> Stream.of(words).allMatch(w -> String.valueOf(t.getString("label")).toLowerCase().contains(w)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table labelled " + List.of(words) + " in " + tablesOf(body)));
    }

    private static List<String> tablesOf(JsonObject body) {
        return Api.results(body, "table").stream().map(t -> t.getString("label") + " " + t.getJsonArray("columns")).toList();
    }

    /** Rows {key, number} equal to {@code expected}, all of them (no truncation), to the cent. */
    static void assertRows(JsonObject table, Map<String, Double> expected, int keyChars) {
        JsonArray rows = table.getJsonArray("rows");
        assertThat(table.getBoolean("truncated", false)).as("truncated " + table.getString("label")).isFalse();
        Map<String, Double> actual = new java.util.TreeMap<>();
        for (Object row : rows) {
            JsonArray r = (JsonArray) row;
            String key = String.valueOf(r.getValue(0));
            actual.put(keyChars > 0 ? key.substring(0, keyChars) : key, ((Number) r.getValue(r.size() - 1)).doubleValue());
        }
        assertThat(actual.keySet()).as(table.getString("label")).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(table.getString("label") + " of " + k)
                .isCloseTo(v, within(Math.max(1e-6, Math.abs(v) * 1e-9))));
    }

    /** Every image (and its Vega-Lite spec) and JSON result fetches through the API node, as what it claims to be. */
    static void assertEveryResultFetches(Api api, JsonObject body) throws IOException, InterruptedException {
        List<JsonObject> files = new ArrayList<>(Api.results(body, "image"));
        files.addAll(Api.results(body, "json"));
        assertThat(files).as("artifacts of the answer").isNotEmpty();
        for (JsonObject file : files) {
            Api.Response r = api.get(file.getString("url"));
            assertThat(r.status()).as(file.getString("url")).isEqualTo(200);
            assertThat(r.body().length).as(file.getString("url")).isGreaterThan(20);
            if ("image".equals(file.getString("type"))) {
                assertThat(r.contentType()).isEqualTo("image/png");
                assertThat(java.util.Arrays.copyOf(r.body(), 4)).as("PNG bytes of " + file.getString("url")).isEqualTo(PNG_MAGIC);
                Api.Response spec = api.get(file.getString("spec_url"));
                assertThat(spec.status()).as(file.getString("spec_url")).isEqualTo(200);
                assertThat(spec.contentType()).isEqualTo("application/vnd.vegalite+json");
                assertThat(new JsonObject(spec.text()).getString("$schema")).contains("vega-lite/v5");
            } else {
                assertThat(new JsonObject(r.text())).isNotNull();
            }
        }
    }

    /**
     * No artifact written twice: the answer's folder holds results.json and exactly the artifacts the answer
     * names (charts' specs included), each once, and no leftover temporary file of an interrupted write.
     */
    static void assertNoDuplicateArtifacts(Path dataDir, JsonObject body) throws IOException {
        List<String> keys = new ArrayList<>();
        for (Object r : body.getJsonArray("results")) {
            JsonObject result = (JsonObject) r;
            if (result.getString("key") != null) {
                keys.add(result.getString("key"));
            }
            if (result.getString("spec_key") != null) {
                keys.add(result.getString("spec_key")); // a chart's Vega-Lite spec, named by its image
            }
        }
        assertThat(keys).as("artifact keys of the answer").doesNotHaveDuplicates().isNotEmpty();
        String resultsKey = body.getString("results_key");
        assertThat(resultsKey).as("results_key").isNotNull().contains("/answers/").endsWith("results.json");
        String prefix = resultsKey.substring(0, resultsKey.length() - "results.json".length());
        assertThat(keys).allSatisfy(k -> assertThat(k).startsWith(prefix));
        Path folder = dataDir.resolve(prefix);
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> onDisk.add(prefix + folder.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(onDisk).as("files in " + folder).noneMatch(k -> k.endsWith(".tmp") || k.substring(k.lastIndexOf('/') + 1).startsWith("."));
        Set<String> expected = new HashSet<>(keys);
        expected.add(resultsKey);
        // a full table's CSV is named only when its table was cut short
        Set<String> unnamed = new HashSet<>(onDisk);
        unnamed.removeAll(expected);
        assertThat(unnamed).as("files no result names").allMatch(k -> k.endsWith(".csv"));
        assertThat(onDisk).as("files in " + folder).containsAll(expected);
    }

    /** True once the job's record in the store says it ended (it says running from the job's acceptance). */
    static boolean storedAsEnded(Path dataDir, String tenant, String jobId) throws IOException {
        JsonObject job = storedJob(dataDir, tenant, jobId);
        return job != null && !"running".equals(job.getString("status"));
    }

    /** The job's record in the store: what GET /jobs answers once the shared map forgets it. */
    static JsonObject storedJob(Path dataDir, String tenant, String jobId) throws IOException {
        Path file = dataDir.resolve(tenant).resolve("jobs").resolve(jobId).resolve("job.json");
        return Files.exists(file) ? new JsonObject(Files.readString(file)) : null;
    }

    /** The graph step of the job's last checkpoint, or -1 before the first one. */
    static int checkpointStep(Path dataDir, String tenant, String jobId) {
        Path file = dataDir.resolve(tenant).resolve("jobs").resolve(jobId).resolve("checkpoint.json");
        try {
            return Files.exists(file) ? new JsonObject(Files.readString(file)).getInteger("step", -1) : -1;
        } catch (IOException | RuntimeException e) {
            return -1; // being replaced right now
        }
    }
}
