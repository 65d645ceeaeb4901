package datasense.tools.report;

import datasense.tools.profile.JoinHints;
import datasense.tools.profile.TableProfile;
import java.util.List;

/**
 * What a report says, whatever it was made from (an answer, a conversation, a board, a file's profile), before it is
 * written as Markdown ({@link ReportMarkdown}), HTML ({@link ReportHtml}) or PDF ({@link ReportPdf}). It is enough to
 * reproduce every figure: the data it was computed from and, per question, the plan and SQL that ran.
 *
 * @param source    what it was made from, in words ("answer j_…", "board b_…")
 * @param sections  the questions, in order; empty for a profile's report
 * @param profile   the file's profile, for a profile's report; else null
 */
public record Report(String reportId, String title, String source, String createdAt, DataSource data,
                     List<Section> sections, ProfileSection profile) {

    public Report {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** Every chart of the report, in the order the sections show them. */
    public List<Chart> charts() {
        return sections.stream().flatMap(s -> s.charts().stream()).toList();
    }

    /**
     * The data a report's figures were computed from.
     *
     * @param uploadedAt when this version of the file was uploaded (a re-upload is another file id)
     */
    public record DataSource(String fileId, String name, String uploadedAt, long rows, int columns) {
    }

    /**
     * One question and its answer, as the node gave it.
     *
     * @param confidence 0 to 1, or null when the answer had none
     * @param notes      what the report could not include (a chart no longer stored), in words
     */
    public record Section(String question, String answeredAt, String answer, String interpretation, Double confidence,
                          List<String> caveats, List<PlanStep> plan, List<String> sql, List<ResultTable> tables,
                          List<Chart> charts, List<String> notes) {

        public Section {
            caveats = caveats == null ? List.of() : List.copyOf(caveats);
            plan = plan == null ? List.of() : List.copyOf(plan);
            sql = sql == null ? List.of() : List.copyOf(sql);
            tables = tables == null ? List.of() : List.copyOf(tables);
            charts = charts == null ? List.of() : List.copyOf(charts);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** One step of a plan: the tool, its arguments as JSON text, and what it was for. */
    public record PlanStep(String tool, String args, String intent) {
    }

    /**
     * A result table, its cells as text.
     *
     * @param totalRows how many rows the result had, of which {@code rows} are the first
     */
    public record ResultTable(String label, List<String> columns, List<List<String>> rows, long totalRows) {

        /** Rows a report shows of one table: enough to read, not a data dump (the SQL reproduces the rest). */
        public static final int SHOWN_ROWS = 25;
        /** Characters a report shows of one cell. */
        public static final int SHOWN_CHARS = 80;

        public ResultTable {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** The rows shown, each cell cut to {@link #SHOWN_CHARS}. */
        public List<List<String>> shownRows() {
            return rows.stream().limit(SHOWN_ROWS).map(r -> r.stream().map(ResultTable::cut).toList()).toList();
        }

        /** "" when every row is shown, else what was left out, in words. */
        public String omitted() {
            long shown = Math.min(rows.size(), SHOWN_ROWS);
            return shown >= totalRows ? "" : "first " + shown + " of " + totalRows + " rows";
        }

        private static String cut(String cell) {
            if (cell == null) {
                return "";
            }
            return cell.length() <= SHOWN_CHARS ? cell : cell.substring(0, SHOWN_CHARS - 1) + "…";
        }
    }

    /**
     * A chart as a PNG: inlined by the HTML and PDF, a file beside the Markdown.
     *
     * @param file its name beside the report ({@code charts/chart-1.png}): the Markdown's relative link
     */
    public record Chart(String label, String file, byte[] png) {
    }

    /** A file's profile with the join hints that involve the file. */
    public record ProfileSection(TableProfile profile, List<JoinHints.Hint> hints) {

        public ProfileSection {
            hints = hints == null ? List.of() : List.copyOf(hints);
        }
    }
}
