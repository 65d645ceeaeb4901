package datasense.tools.profile;

import java.util.List;

/**
 * A profile as Markdown, for a report of a file's profile: the same facts as {@link ProfilePage} (alerts, keys, join
 * hints, one row per column, correlations), as tables a person reads in any Markdown viewer. No charts: the page
 * has them.
 */
public final class ProfileMarkdown {

    private ProfileMarkdown() {
    }

    public static String markdown(TableProfile p, List<JoinHints.Hint> hints) {
        StringBuilder md = new StringBuilder(8_000);
        md.append("Table `").append(p.table()).append("`: ").append(p.rows()).append(" rows, ").append(p.columns().size())
                .append(" columns, ").append(p.duplicateRows()).append(" duplicate rows (").append(p.duplicatePct())
                .append("%); profiled ").append(p.computedAt()).append(".\n\n");
        md.append("### Alerts\n\n");
        if (p.alerts().isEmpty()) {
            md.append("None.\n\n");
        } else {
            p.alerts().forEach(a -> md.append("- **").append(a.kind()).append("** ")
                    .append(a.column() == null ? "(table)" : "`" + a.column() + "`").append(": ").append(a.message()).append('\n'));
            md.append('\n');
        }
        md.append("### Candidate keys\n\n");
        if (p.candidateKeys().isEmpty()) {
            md.append("No column or pair of columns is unique and never missing.\n\n");
        } else {
            p.candidateKeys().forEach(k -> md.append("- `").append(String.join(" + ", k)).append("`\n"));
            md.append('\n');
        }
        if (!hints.isEmpty()) {
            md.append("### Join hints\n\n| column | joins | overlap |\n|---|---|---|\n");
            hints.forEach(h -> md.append("| ").append(cell(h.name())).append(".`").append(cell(h.column())).append("` | ")
                    .append(cell(h.otherName())).append(".`").append(cell(h.otherKey())).append("` | ").append(h.overlap())
                    .append("% (").append(h.matched()).append(" of ").append(h.distinct()).append(") |\n"));
            md.append('\n');
        }
        md.append("### Columns\n\n| column | type | missing | distinct | min | max | mean | most frequent |\n|---|---|---|---|---|---|---|---|\n");
        for (ColumnStats c : p.columns()) {
            String min = "";
            String max = "";
            String mean = "";
            if (c.numbers() != null) {
                min = ProfilePage.num(c.numbers().min());
                max = ProfilePage.num(c.numbers().max());
                mean = ProfilePage.num(c.numbers().mean());
            } else if (c.dates() != null) {
                min = c.dates().min();
                max = c.dates().max();
            } else if (c.text() != null) {
                min = c.text().minLength() + " chars";
                max = c.text().maxLength() + " chars";
            }
            String top = c.topValues() == null || c.topValues().isEmpty() ? ""
                    : c.topValues().get(0).value() + " (" + c.topValues().get(0).count() + ")";
            md.append("| `").append(cell(c.name())).append("` | ").append(c.type()).append(" | ").append(c.missing()).append(" (")
                    .append(c.missingPct()).append("%) | ").append(c.distinct()).append(" | ").append(cell(min)).append(" | ")
                    .append(cell(max)).append(" | ").append(mean).append(" | ").append(cell(top)).append(" |\n");
        }
        md.append('\n');
        if (!p.correlations().isEmpty()) {
            md.append("### Correlations\n\n| columns | Pearson r |\n|---|---|\n");
            p.correlations().forEach(c -> md.append("| `").append(cell(c.a())).append("` · `").append(cell(c.b())).append("` | ")
                    .append(ProfilePage.num(c.pearson())).append(" |\n"));
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
