package datasense.tools.report;

import datasense.tools.HtmlText;
import datasense.tools.profile.ProfilePage;
import java.util.Base64;
import java.util.List;

/**
 * A {@link Report} as one self-contained page: styles inline, charts inlined as {@code data:} PNGs, no script, link or
 * font fetched, so it opens offline and can be mailed as a file. It is XHTML (well-formed XML, every element closed,
 * no named entity but XML's own), because the same page is what {@link ReportPdf} renders. A profile's report embeds
 * the profile page's own content ({@link ProfilePage#content}) rather than drawing the profile again.
 */
public final class ReportHtml {

    /** The font the PDF embeds (see {@link ReportPdf}); browsers fall back to their own sans-serif. */
    static final String FONT = "Liberation Sans";

    private static final String STYLE = "@page{size:A4;margin:16mm 14mm}"
            + "body{font-family:'" + FONT + "',Arial,Helvetica,sans-serif;font-size:10.5pt;line-height:1.4;color:#222;max-width:60em;margin:0 auto}"
            + "h1{font-size:18pt;margin:0 0 4pt}h2{font-size:14pt;margin-top:18pt;border-bottom:1px solid #ccc}"
            + "h3{font-size:11pt;margin:10pt 0 4pt}.meta{color:#666}"
            + "table{border-collapse:collapse;margin:4pt 0 8pt;font-size:9pt}"
            + "th,td{border:1px solid #ddd;padding:2pt 6pt;text-align:left;vertical-align:top}th{background:#f3f3f3}"
            + "pre{white-space:pre-wrap;word-wrap:break-word;background:#f6f6f6;border:1px solid #e3e3e3;padding:6pt;font-size:9pt}"
            + "code{font-size:9pt;background:#f6f6f6}"
            + "img{max-width:100%;height:auto;display:block;margin:6pt 0}"
            + "strong{color:#1f4e79}.answer{font-size:11.5pt}.note{color:#8a5a00;font-style:italic}";

    private ReportHtml() {
    }

    public static String render(Report report) {
        StringBuilder b = new StringBuilder(64_000);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
                .append(esc(report.title())).append("</title><style>").append(STYLE);
        if (report.profile() != null) {
            b.append(ProfilePage.style()).append("body{margin:0 auto}");
        }
        b.append("</style></head><body>");
        b.append("<h1>").append(esc(report.title())).append("</h1><p class=\"meta\">Report <code>").append(esc(report.reportId()))
                .append("</code>, made ").append(esc(report.createdAt())).append(" from ").append(esc(report.source())).append(".</p>");
        Report.DataSource d = report.data();
        b.append("<h2>Data</h2><table><tr><th>file</th><th>file id</th><th>uploaded</th><th>rows</th><th>columns</th></tr><tr><td>")
                .append(esc(d.name())).append("</td><td><code>").append(esc(d.fileId())).append("</code></td><td>").append(esc(d.uploadedAt()))
                .append("</td><td>").append(d.rows()).append("</td><td>").append(d.columns()).append("</td></tr></table>");
        int n = 1;
        for (Report.Section s : report.sections()) {
            section(b, n++, s);
        }
        if (report.profile() != null) {
            b.append("<h2>Profile</h2><div class=\"profile\">").append(ProfilePage.content(report.profile().profile(), report.profile().hints()))
                    .append("</div>");
        }
        return b.append("</body></html>").toString();
    }

    private static void section(StringBuilder b, int n, Report.Section s) {
        b.append("<div class=\"question\"><h2>").append(n).append(". ").append(esc(s.question())).append("</h2>");
        if (s.answeredAt() != null) {
            b.append("<p class=\"meta\">Answered ").append(esc(s.answeredAt())).append(".</p>");
        }
        b.append("<div class=\"answer\"><p><strong>Answer.</strong></p>").append(paragraphs(s.answer())).append("</div>");
        if (s.interpretation() != null) {
            b.append("<p><strong>Interpretation.</strong> ").append(esc(s.interpretation())).append("</p>");
        }
        b.append("<p><strong>Confidence.</strong> ").append(esc(ReportMarkdown.confidence(s.confidence()))).append("</p>");
        b.append("<p><strong>Caveats.</strong>");
        if (s.caveats().isEmpty()) {
            b.append(" None.</p>");
        } else {
            b.append("</p><ul>");
            s.caveats().forEach(c -> b.append("<li>").append(esc(c)).append("</li>"));
            b.append("</ul>");
        }
        if (!s.plan().isEmpty()) {
            b.append("<h3>Plan</h3><ol>");
            for (Report.PlanStep step : s.plan()) {
                b.append("<li><code>").append(esc(step.tool())).append("</code>");
                if (step.intent() != null && !step.intent().isBlank()) {
                    b.append(": ").append(esc(step.intent()));
                }
                b.append(" <code>").append(esc(step.args())).append("</code></li>");
            }
            b.append("</ol>");
        }
        if (!s.sql().isEmpty()) {
            b.append("<h3>SQL</h3>");
            s.sql().forEach(q -> b.append("<pre>").append(esc(q.strip())).append("</pre>"));
        }
        for (Report.ResultTable t : s.tables()) {
            table(b, t);
        }
        for (Report.Chart c : s.charts()) {
            b.append("<h3>").append(esc(c.label())).append("</h3><img alt=\"").append(esc(c.label()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(c.png())).append("\"/>");
        }
        s.notes().forEach(note -> b.append("<p class=\"note\">").append(esc(note)).append("</p>"));
        b.append("</div>");
    }

    /**
     * A written answer's text as it is laid out: blocks split on blank lines, a block of "- " lines as a list, other
     * line breaks kept.
     */
    static String paragraphs(String text) {
        StringBuilder b = new StringBuilder();
        for (String block : (text == null ? "" : text.strip()).split("\\n\\s*\\n")) {
            List<String> lines = block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            if (lines.stream().allMatch(l -> l.startsWith("- "))) {
                b.append("<ul>");
                lines.forEach(l -> b.append("<li>").append(esc(l.substring(2))).append("</li>"));
                b.append("</ul>");
            } else {
                b.append("<p>").append(String.join("<br/>", lines.stream().map(ReportHtml::esc).toList())).append("</p>");
            }
        }
        return b.toString();
    }

    private static void table(StringBuilder b, Report.ResultTable t) {
        b.append("<h3>").append(esc(t.label() == null ? "Result" : t.label()));
        if (!t.omitted().isEmpty()) {
            b.append(" <small class=\"meta\">(").append(esc(t.omitted())).append(")</small>");
        }
        b.append("</h3><table><tr>");
        t.columns().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr>");
        for (List<String> row : t.shownRows()) {
            b.append("<tr>");
            row.forEach(cell -> b.append("<td>").append(esc(cell)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</table>");
    }

    static String esc(String s) {
        return HtmlText.escape(s);
    }
}
