package datasense.verticles.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Versions of a file, read from the tenant's manifests (README, Versions and drift): the files of one {@code name}
 * (a workbook's or ZIP's table by its {@code upload / member / sheet} name, as a re-upload's boards are matched) in
 * one project (the manifest's {@code project}, {@code default} when absent) are versions of one another, ordered
 * by {@code created_at} (then file id). Numbers are derived when read, 1 for the oldest kept, so deleting a version
 * renumbers the later ones and nothing stored can disagree with the catalog.
 */
final class FileVersions {

    /** The project of files whose manifest names none. */
    static final String DEFAULT_PROJECT = "default";

    private static final Comparator<JsonObject> OLDEST_FIRST = Comparator.comparing(FileVersions::created)
            .thenComparing(m -> m.getString("file_id", ""));

    private FileVersions() {
    }

    static String project(JsonObject manifest) {
        return manifest.getString("project", DEFAULT_PROJECT);
    }

    /** The versions of {@code manifest}'s file among {@code all}, oldest first (it among them). */
    static List<JsonObject> of(List<JsonObject> all, JsonObject manifest) {
        String name = manifest.getString("name");
        String project = project(manifest);
        List<JsonObject> same = all.stream()
                .filter(m -> Objects.equals(name, m.getString("name")) && project.equals(project(m)))
                .filter(m -> !m.getString("file_id", "").equals(manifest.getString("file_id")))
                .collect(Collectors.toList());
        same.add(manifest);
        same.sort(OLDEST_FIRST);
        return same;
    }

    /** 1-based version of {@code fileId} among {@code versions} (oldest first); 0 when it is not one of them. */
    static int number(List<JsonObject> versions, String fileId) {
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).getString("file_id").equals(fileId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A copy of {@code manifest} with its {@code version} and {@code latest} among {@code all}. */
    static JsonObject annotated(List<JsonObject> all, JsonObject manifest) {
        List<JsonObject> versions = of(all, manifest);
        int version = number(versions, manifest.getString("file_id"));
        return manifest.copy().put("version", version).put("latest", version == versions.size());
    }

    /** Copies of every manifest of {@code all}, in its order, each with its {@code version} and {@code latest}. */
    static List<JsonObject> annotatedAll(List<JsonObject> all) {
        Map<List<String>, List<JsonObject>> groups = new HashMap<>();
        for (JsonObject m : all) {
            groups.computeIfAbsent(Arrays.asList(m.getString("name"), project(m)), k -> new ArrayList<>()).add(m);
        }
        groups.values().forEach(g -> g.sort(OLDEST_FIRST));
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject m : all) {
            List<JsonObject> versions = groups.get(Arrays.asList(m.getString("name"), project(m)));
            int version = number(versions, m.getString("file_id"));
            out.add(m.copy().put("version", version).put("latest", version == versions.size()));
        }
        return out;
    }

    /** The version before {@code fileId}'s, or null when it is the oldest kept. */
    static JsonObject previous(List<JsonObject> versions, String fileId) {
        int version = number(versions, fileId);
        return version > 1 ? versions.get(version - 2) : null;
    }

    /** The reply of {@code ds.files.versions}: the name, the project and every version, newest first. */
    static JsonObject listing(List<JsonObject> versions) {
        JsonObject newest = versions.get(versions.size() - 1);
        JsonArray list = new JsonArray();
        for (int i = versions.size() - 1; i >= 0; i--) {
            JsonObject m = versions.get(i);
            list.add(new JsonObject().put("file_id", m.getString("file_id")).put("version", i + 1)
                    .put("created_at", m.getString("created_at")).put("rows", m.getLong("rows"))
                    .put("columns", m.getJsonArray("columns") == null ? 0 : m.getJsonArray("columns").size())
                    .put("latest", i == versions.size() - 1));
        }
        return new JsonObject().put("name", newest.getString("name")).put("project", project(newest)).put("versions", list);
    }

    static Instant created(JsonObject manifest) {
        try {
            return Instant.parse(manifest.getString("created_at"));
        } catch (RuntimeException e) {
            return Instant.EPOCH; // a manifest without a date (the sample dataset): the oldest
        }
    }
}
