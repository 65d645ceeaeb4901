package datasense.verticles.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Versions are the files of one name in one project ordered by upload time: a file of the same name in another
 * project, or of another name, is not one of them; a manifest without a project is the default project's; deleting a
 * version (leaving it out of the catalog) renumbers the later ones.
 */
class FileVersionsTest {

    private static JsonObject file(String id, String name, String project, String createdAt) {
        JsonObject m = new JsonObject().put("file_id", id).put("name", name).put("created_at", createdAt).put("rows", 10L)
                .put("columns", new JsonArray().add(new JsonObject().put("name", "a")));
        return project == null ? m : m.put("project", project);
    }

    private final JsonObject jan = file("f_jan", "sales.csv", null, "2026-01-01T00:00:00Z");
    private final JsonObject feb = file("f_feb", "sales.csv", "default", "2026-02-01T00:00:00Z");
    private final JsonObject mar = file("f_mar", "sales.csv", null, "2026-03-01T00:00:00Z");
    private final JsonObject elsewhere = file("f_other", "sales.csv", "p_0123456789ab", "2026-02-15T00:00:00Z");
    private final JsonObject renamed = file("f_renamed", "sales-2.csv", null, "2026-02-20T00:00:00Z");
    private final List<JsonObject> all = List.of(mar, elsewhere, jan, renamed, feb);

    @Test
    void versionsAreOneNameInOneProjectOldestFirst() {
        assertThat(FileVersions.of(all, feb)).containsExactly(jan, feb, mar);
        assertThat(FileVersions.of(all, elsewhere)).containsExactly(elsewhere);
        assertThat(FileVersions.previous(FileVersions.of(all, mar), "f_mar")).isEqualTo(feb);
        assertThat(FileVersions.previous(FileVersions.of(all, jan), "f_jan")).isNull();
    }

    @Test
    void theCatalogShowsEachVersionAndTheLatest() {
        List<JsonObject> annotated = FileVersions.annotatedAll(all);
        assertThat(annotated).extracting(m -> m.getString("file_id") + "=" + m.getInteger("version") + (m.getBoolean("latest") ? "*" : ""))
                .containsExactly("f_mar=3*", "f_other=1*", "f_jan=1", "f_renamed=1*", "f_feb=2");
        assertThat(FileVersions.annotated(all, feb).getInteger("version")).isEqualTo(2);
        // without January, February is version 1
        assertThat(FileVersions.annotated(List.of(feb, mar), feb).getInteger("version")).isEqualTo(1);
    }

    @Test
    void theListingIsNewestFirst() {
        JsonObject listing = FileVersions.listing(FileVersions.of(all, jan));
        assertThat(listing.getString("name")).isEqualTo("sales.csv");
        assertThat(listing.getString("project")).isEqualTo("default");
        assertThat(listing.getJsonArray("versions").stream().map(v -> ((JsonObject) v).getString("file_id")))
                .containsExactly("f_mar", "f_feb", "f_jan");
        assertThat(listing.getJsonArray("versions").getJsonObject(0).getBoolean("latest")).isTrue();
        assertThat(listing.getJsonArray("versions").getJsonObject(2).getInteger("columns")).isEqualTo(1);
    }
}
