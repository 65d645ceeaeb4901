package datasense.tools.report;

import datasense.tools.profile.ProfileMarkdown;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Report} as Markdown. Charts are not inlined: each is a PNG file beside the report, linked relatively
 * ({@code charts/chart-1.png}), so the folder (or the bundle) reads in any Markdown viewer.
 */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder(8_000);
        md.append("# ").append(line(report.title())).append("\n\n");
        md.append("Report `").append(report.reportId()).append("`, made ").append(report.createdAt()).append(" from ")
                .append(report.source()).append(".\n\n");
        Report.DataSource data = report.data();
        md.append("## Data\n\n| file | file id | uploaded | rows | columns |\n|---|---|---|---|---|\n| ")
                .append(cell(data.name())).append(" | `").append(data.fileId()).append("` | ").append(data.uploadedAt()).append(" | ")
                .append(data.rows()).append(" | ").append(data.columns()).append(" |\n\n");
        int n = 1;
        for (Report.Section s : report.sections()) {
            section(md, n++, s);
        }
        if (report.profile() != null) {
            md.append("## Profile\n\n").append(ProfileMarkdown.markdown(report.profile().profile(), report.profile().hints()));
        }
        return md.toString();
    }

    private static void section(StringBuilder md, int n, Report.Section s) {
        md.append("## ").append(n).append(". ").append(line(s.question())).append("\n\n");
        if (s.answeredAt() != null) {
            md.append("Answered ").append(s.answeredAt()).append(".\n\n");
        }
        String answer = text(s.answer());
        // an answer of several blocks (a summary, then a list) starts on its own line, so its list stays a list
        md.append("**Answer.**").append(answer.contains("\n") ? "\n\n" : " ").append(answer).append("\n\n");
        if (s.interpretation() != null) {
            md.append("**Interpretation.** ").append(text(s.interpretation())).append("\n\n");
        }
        md.append("**Confidence.** ").append(confidence(s.confidence())).append("\n\n");
        md.append("**Caveats.**");
        if (s.caveats().isEmpty()) {
            md.append(" None.\n\n");
        } else {
            md.append("\n\n");
            s.caveats().forEach(c -> md.append("- ").append(line(c)).append('\n'));
            md.append('\n');
        }
        if (!s.plan().isEmpty()) {
            md.append("### Plan\n\n");
            int i = 1;
            for (Report.PlanStep step : s.plan()) {
                md.append(i++).append(". `").append(step.tool()).append("`");
                if (step.intent() != null && !step.intent().isBlank()) {
                    md.append(": ").append(line(step.intent()));
                }
                md.append(" `").append(step.args().replace("`", "'")).append("`\n");
            }
            md.append('\n');
        }
        if (!s.sql().isEmpty()) {
            md.append("### SQL\n\n");
            s.sql().forEach(q -> md.append("```sql\n").append(q.strip().replace("```", "` ` `")).append("\n```\n\n"));
        }
        for (Report.ResultTable t : s.tables()) {
            md.append("### ").append(line(t.label() == null ? "Result" : t.label()));
            if (!t.omitted().isEmpty()) {
                md.append(" (").append(t.omitted()).append(")");
            }
            md.append("\n\n| ").append(String.join(" | ", t.columns().stream().map(ReportMarkdown::cell).toList())).append(" |\n|")
                    .append("---|".repeat(Math.max(1, t.columns().size()))).append('\n');
            for (List<String> row : t.shownRows()) {
                md.append("| ").append(String.join(" | ", row.stream().map(ReportMarkdown::cell).toList())).append(" |\n");
            }
            md.append('\n');
        }
        for (Report.Chart c : s.charts()) {
            md.append("![").append(line(c.label()).replace("]", ")")).append("](").append(c.file()).append(")\n\n");
        }
        s.notes().forEach(note -> md.append("_").append(line(note)).append("_\n\n"));
    }

    static String confidence(Double c) {
        return c == null ? "not stated" : String.format(Locale.ROOT, "%.2f", c) + (c < 0.8 ? " (a best guess)" : "");
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String line(String s) {
        return s == null ? "" : s.replace("\r", " ").replace("\n", " ").strip();
    }

    private static String cell(String s) {
        return line(s).replace("|", "\\|");
    }
}
