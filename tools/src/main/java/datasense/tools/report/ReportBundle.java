package datasense.tools.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Markdown report as one download: a ZIP of {@code report.md} and its charts under {@code charts/}, so the
 * relative links work once it is unpacked, wherever it is read.
 */
public final class ReportBundle {

    private ReportBundle() {
    }

    /** Blocking: the ZIP of {@code markdown} (the report's {@link ReportMarkdown}) and every chart of {@code report}. */
    public static byte[] zip(Report report, String markdown) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("report.md"));
            zip.write(markdown.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Report.Chart chart : report.charts()) {
                zip.putNextEntry(new ZipEntry(chart.file()));
                zip.write(chart.png());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
