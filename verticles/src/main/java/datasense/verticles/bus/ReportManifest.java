package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A report's record: the last file written of a report ({@code {tenant}/reports/{report_id}/manifest.json}), so a
 * report exists exactly when its manifest does, and the reply of {@code ds.reports.create}, {@code get} and
 * {@code list} (with {@link #links()}). It names what the report was made from and the data it states, and lists
 * the files beside it, the only names {@code GET /reports/{id}/...} serves.
 *
 * @param from      the one source it was made from: {@code {job|conversation|board|profile: id}}
 * @param formats   the formats made, of md, html, pdf
 * @param files     the report's files by name in its folder: report.md, report.zip, report.html, report.pdf, charts/chart-N.png
 * @param questions how many answered questions it holds (0 for a profile's report)
 * @param project   the project of the file it states ({@code default} for a file uploaded without one); null in reports
 *                  made before projects
 * @param finishedAt when its files were drawn and its manifest made ({@code created_at} is when it was asked for)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportManifest(String reportId, String title, Map<String, String> from, String fileId, String fileName,
                             List<String> formats, List<String> files, int questions, String createdAt,
                             String project, String finishedAt) {

    /** The Markdown and its charts as one ZIP, made with the Markdown. */
    public static final String BUNDLE = "report.zip";

    /** The file of each format: report.md, report.html, report.pdf. */
    public static String fileOf(String format) {
        return "report." + format;
    }

    /** Where the report and its files are served: {self, md?, md_bundle?, html?, pdf?}, paths of this API. */
    public JsonObject links() {
        String self = "/reports/" + reportId;
        JsonObject links = new JsonObject().put("self", self);
        formats.forEach(f -> links.put(f, self + "/" + fileOf(f)));
        if (files.contains(BUNDLE)) {
            links.put("md_bundle", self + "/" + BUNDLE);
        }
        return links;
    }

    /** The manifest as a reply: with its links. */
    public JsonObject toReply() {
        return toJson().put("links", links());
    }

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static ReportManifest fromJson(JsonObject json) {
        return Json.fromJson(json, ReportManifest.class);
    }
}
