package datasense.tools.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import datasense.tools.Limits;
import datasense.tools.profile.TableProfile;
import datasense.tools.profile.TableProfiler;
import datasense.tools.sql.DuckDb;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The three renderings of one report model: the Markdown links its chart as a file beside it and cuts a long table,
 * the HTML is well-formed XML with the chart inlined and the text escaped, and the PDF (read back with PDFBox) holds
 * the question, the answer's figure, the SQL, text outside Latin-1 and the chart as an image. A profile's report
 * embeds the profile page's own content.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReportRenderingTest {

    private static final String SQL = "SELECT \"Region\", SUM(\"Sales\") AS \"total_Sales\" FROM \"orders\" GROUP BY \"Region\" ORDER BY 2 DESC";

    @TempDir
    Path dir;

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 240);
        g.setColor(new Color(46, 109, 164));
        g.fillRect(40, 40, 80, 180);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Report answerReport() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(List.of("Region " + i + (i == 0 ? " <West> & \"co\" | ✓" : ""), Integer.toString(1000 - i)));
        }
        Report.Section section = new Report.Section("total sales by region", "2026-12-04T18:00:00Z",
                "West leads with 12,345.67 in Sales; São Paulo – Zürich ≥ 3 → 4.", "Total of Sales by Region, all rows", 0.95,
                List.of("12 rows miss Sales"), List.of(new Report.PlanStep("sql_executor", "{\"sql\":\"SELECT 1\"}", "sales by region")),
                List.of(SQL), List.of(new Report.ResultTable("Sales by Region", List.of("Region", "total_Sales"), rows, 4000)),
                List.of(new Report.Chart("Sales by Region", "charts/chart-1.png", png())), List.of());
        return new Report("r_0123456789abcdef", "Sales & regions", "answer j_1", "2026-12-04T18:01:00Z",
                new Report.DataSource("f_1", "orders.csv", "2026-12-04T17:00:00Z", 5000, 21), List.of(section), null);
    }

    private static Document xml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void theMarkdownLinksItsChartsBesideItAndCutsLongTables() throws IOException {
        String md = ReportMarkdown.render(answerReport());
        assertThat(md).startsWith("# Sales & regions\n")
                .contains("| orders.csv | `f_1` | 2026-12-04T17:00:00Z | 5000 | 21 |")
                .contains("## 1. total sales by region")
                .contains("**Answer.** West leads with 12,345.67")
                .contains("**Confidence.** 0.95")
                .contains("- 12 rows miss Sales")
                .contains("```sql\n" + SQL + "\n```")
                .contains("### Sales by Region (first 25 of 4000 rows)")
                .contains("| Region 0 <West> & \"co\" \\| ✓ | 1000 |")
                .contains("![Sales by Region](charts/chart-1.png)")
                .doesNotContain("Region 25 |");
    }

    @Test
    void theBundleHoldsTheMarkdownAndTheChartItLinks() throws IOException {
        Report report = answerReport();
        String md = ReportMarkdown.render(report);
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ReportBundle.zip(report, md)))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("report.md", "charts/chart-1.png");
        assertThat(new String(entries.get("report.md"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(md);
        assertThat(entries.get("charts/chart-1.png")).isEqualTo(report.charts().get(0).png());
    }

    @Test
    void theHtmlIsWellFormedSelfContainedAndEscaped() throws Exception {
        String html = ReportHtml.render(answerReport());
        Document page = xml(html);
        assertThat(page.getElementsByTagName("img").getLength()).isEqualTo(1);
        assertThat(page.getElementsByTagName("img").item(0).getAttributes().getNamedItem("src").getNodeValue())
                .startsWith("data:image/png;base64,iVBOR");
        assertThat(html).doesNotContain("http://example", "<script", "<link", "src=\"http")
                .contains("Region 0 &lt;West&gt; &amp; &quot;co&quot; | ✓")
                .contains("(first 25 of 4000 rows)");
        assertThat(page.getDocumentElement().getTextContent()).contains(SQL).contains("Confidence. 0.95");
    }

    @Test
    void thePdfHoldsTheQuestionTheFigureTheSqlAndTheChart() throws Exception {
        byte[] pdf = ReportPdf.render(ReportHtml.render(answerReport()));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("total sales by region", "12,345.67", "São Paulo", "Zürich", "≥", "→");
            assertThat(squeeze(text)).contains(squeeze(SQL)).contains("first25of4000rows").doesNotContain("Region30");
            int images = 0;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).as("the chart, drawn from its data: URI").isEqualTo(1);
            assertThat(doc.getPage(0).getResources().getFontNames()).isNotEmpty();
            doc.getPage(0).getResources().getFontNames().forEach(f -> {
                try {
                    assertThat(doc.getPage(0).getResources().getFont(f).getName()).as("the embedded font, no base-14 stand-in")
                            .contains("LiberationSans");
                    assertThat(doc.getPage(0).getResources().getFont(f).isEmbedded()).isTrue();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }
    }

    @Test
    void anAnswerOfSeveralBlocksKeepsItsListAndLines() {
        String answer = "Total of Sales by Region, all rows\n\n- West leads with 1,150,709.72\n- South is lowest\n\nConfidence: 1.00";
        assertThat(ReportHtml.paragraphs(answer)).isEqualTo("<p>Total of Sales by Region, all rows</p><ul><li>West leads with 1,150,709.72</li>"
                + "<li>South is lowest</li></ul><p>Confidence: 1.00</p>");
        assertThat(ReportHtml.paragraphs("a <b>\nc")).isEqualTo("<p>a &lt;b&gt;<br/>c</p>");
        Report.Section section = new Report.Section("q", null, answer, null, 1.0, null, null, null, null, null, null);
        Report report = new Report("r_3", "t", "answer j_3", "2026-12-04T18:01:00Z",
                new Report.DataSource("f_1", "orders.csv", "2026-12-04T17:00:00Z", 5000, 21), List.of(section), null);
        assertThat(ReportMarkdown.render(report)).contains("**Answer.**\n\nTotal of Sales by Region, all rows\n\n- West leads");
    }

    @Test
    void aPageThatIsNotWellFormedIsRefused() {
        assertThatThrownBy(() -> ReportPdf.render("<html><body><p>open<br></p></body></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void aProfileReportEmbedsTheProfilePage() throws Exception {
        Path parquet = dir.resolve("p.parquet");
        TableProfile profile;
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 1)); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT i AS id, 'x' AS constant, (i % 7)::DOUBLE AS amount FROM range(200) r(i)) TO '" + parquet + "' (FORMAT parquet)");
            profile = new TableProfiler().profile(db, parquet, "p");
        }
        Report report = new Report("r_1", "Profile of p.csv", "the profile of file f_2", "2026-12-04T18:01:00Z",
                new Report.DataSource("f_2", "p.csv", "2026-12-04T17:00:00Z", 200, 3), List.of(), new Report.ProfileSection(profile, List.of()));
        String html = ReportHtml.render(report);
        xml(html);
        assertThat(html).contains("<h1>Profile of p.csv</h1>").contains("<h2>Alerts").contains("<svg"); // the page's own content and charts
        assertThat(html.split("<h1>", -1)).as("one heading: the report's").hasSize(2);
        assertThat(ReportMarkdown.render(report)).contains("## Profile").contains("| `amount` | DOUBLE |").contains("**constant** `constant`");
        try (PDDocument doc = Loader.loadPDF(ReportPdf.render(html))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Profile of p.csv", "amount", "constant", "f_2").doesNotContain("histogram");
        }
    }

    @Test
    void aReportWithNoChartStillRenders() throws Exception {
        Report.Section plain = new Report.Section("number of rows", null, "There are 5000 rows.", null, null, null, null, null, null, null,
                List.of("a chart of this answer is no longer stored"));
        Report report = new Report("r_2", "Rows", "answer j_2", "2026-12-04T18:01:00Z",
                new Report.DataSource("f_1", "orders.csv", "2026-12-04T17:00:00Z", 5000, 21), List.of(plain), null);
        try (PDDocument doc = Loader.loadPDF(ReportPdf.render(ReportHtml.render(report)))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("There are 5000 rows.", "not stated", "no longer stored");
        }
    }
}
