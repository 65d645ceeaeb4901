package datasense.tools.profile;

import datasense.tools.HtmlText;
import datasense.tools.profile.ColumnStats.Bin;
import datasense.tools.profile.ColumnStats.ValueCount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Renders a profile as one self-contained HTML page: styles inline, charts as inline SVG drawn here, no script,
 * no link, no font or image fetched, so the page opens offline and can be mailed as a file.
 */
public final class ProfilePage {

    private static final int W = 320;
    private static final int H = 90;

    private ProfilePage() {
    }

    /** The page of {@code profile} for the file named {@code name}, with the join hints that involve it. */
    public static String html(String name, TableProfile profile, List<JoinHints.Hint> hints) {
        return html(name, profile, hints, null);
    }

    /** The same page with a drift warning first when {@code drift} is not null (the file has an earlier version). */
    public static String html(String name, TableProfile profile, List<JoinHints.Hint> hints, DriftWarning drift) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Profile of " + esc(name)
                + "</title><style>" + STYLE + "</style></head><body>" + body(name, profile, hints, drift) + "</body></html>";
    }

    /** The page's body: its heading, the drift warning if any, then {@link #content}. */
    static String body(String name, TableProfile profile, List<JoinHints.Hint> hints, DriftWarning drift) {
        return "<h1>Profile of " + esc(name) + "</h1>" + (drift == null ? "" : drift(drift)) + content(profile, hints);
    }

    /** The drift warning: what changed since the earlier version, in words, and where the whole report is. */
    static String drift(DriftWarning d) {
        StringBuilder b = new StringBuilder("<section class=\"drift\" id=\"drift\"><h2>Drift warning: version ")
                .append(d.version()).append(" against version ").append(d.fromVersion()).append(" (<code>").append(esc(d.from()))
                .append("</code>)</h2><p>").append(esc(d.summary())).append("</p>");
        if (!d.warnings().isEmpty()) {
            b.append("<ul>");
            d.warnings().forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("<p class=\"meta\">PSI ≥ ").append(Drift.PSI_DRIFTED).append(" is drifted, ").append(Drift.PSI_MODERATE)
                .append(" to ").append(Drift.PSI_DRIFTED).append(" a moderate shift. The whole report: <code>GET ")
                .append(esc(d.report())).append("</code></p></section>").toString();
    }

    /**
     * Everything the page shows under its heading: what a report of the profile embeds under its own heading (with
     * {@link #style()}). Well-formed XML, so the report's PDF renderer reads it too.
     */
    public static String content(TableProfile profile, List<JoinHints.Hint> hints) {
        StringBuilder b = new StringBuilder(32_000);
        b.append("<p class=\"meta\">table <code>").append(esc(profile.table()))
                .append("</code> · ").append(profile.rows()).append(" rows · ").append(profile.columns().size()).append(" columns · ")
                .append(profile.duplicateRows()).append(" duplicate rows (").append(profile.duplicatePct()).append("%) · computed ")
                .append(esc(profile.computedAt())).append(" in ").append(profile.computedMs()).append(" ms</p>");
        alerts(b, profile);
        keysAndHints(b, profile, hints);
        b.append("<h2>Columns</h2>");
        for (ColumnStats c : profile.columns()) {
            column(b, c);
        }
        correlations(b, profile);
        b.append("<p class=\"meta\">Outliers: ").append(esc(profile.outlierRule())).append(".</p>");
        return b.toString();
    }

    /** The page's style sheet. */
    public static String style() {
        return STYLE;
    }

    private static void alerts(StringBuilder b, TableProfile p) {
        b.append("<h2>Alerts (").append(p.alerts().size()).append(")</h2>");
        if (p.alerts().isEmpty()) {
            b.append("<p>None.</p>");
            return;
        }
        b.append("<table><tr><th>column</th><th>alert</th><th>detail</th></tr>");
        for (TableProfile.Alert a : p.alerts()) {
            b.append("<tr><td>").append(a.column() == null ? "(table)" : esc(a.column())).append("</td><td><span class=\"tag ")
                    .append(esc(a.kind())).append("\">").append(esc(a.kind())).append("</span></td><td>").append(esc(a.message()))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void keysAndHints(StringBuilder b, TableProfile p, List<JoinHints.Hint> hints) {
        b.append("<h2>Candidate keys</h2>");
        if (p.candidateKeys().isEmpty()) {
            b.append("<p>No column or pair of columns is unique and never missing.</p>");
        } else {
            b.append("<ul>");
            p.candidateKeys().forEach(k -> b.append("<li><code>").append(esc(String.join(" + ", k))).append("</code></li>"));
            b.append("</ul>");
        }
        b.append("<h2>Join hints</h2>");
        if (hints.isEmpty()) {
            b.append("<p>No column matches a key of another of your files, nor another file's column a key of this one.</p>");
            return;
        }
        b.append("<table><tr><th>column</th><th>joins</th><th>overlap</th></tr>");
        for (JoinHints.Hint h : hints) {
            b.append("<tr><td>").append(esc(h.name())).append(".<code>").append(esc(h.column())).append("</code></td><td>")
                    .append(esc(h.otherName())).append(".<code>").append(esc(h.otherKey())).append("</code></td><td>")
                    .append(h.overlap()).append("% (").append(h.matched()).append(" of ").append(h.distinct())
                    .append(" distinct values)</td></tr>");
        }
        b.append("</table>");
    }

    private static void column(StringBuilder b, ColumnStats c) {
        b.append("<section><h3>").append(esc(c.name())).append(" <small>").append(esc(c.type()));
        if (c.text() != null && c.text().pattern() != null) {
            b.append(" · ").append(esc(c.text().pattern()));
        }
        b.append("</small></h3><div class=\"cols\"><table>");
        row(b, "missing", c.missing() + " (" + c.missingPct() + "%)");
        row(b, "distinct", c.distinct() + " (" + c.distinctPct() + "%)");
        row(b, "unique", c.uniquePct() == null ? "not counted" : c.uniquePct() + "%");
        if (c.numbers() != null) {
            var n = c.numbers();
            row(b, "min / max", num(n.min()) + " / " + num(n.max()));
            row(b, "mean / std", num(n.mean()) + " / " + (n.std() == null ? "–" : num(n.std())));
            row(b, "p5 · q1 · median · q3 · p95", num(n.p5()) + " · " + num(n.q1()) + " · " + num(n.median()) + " · "
                    + num(n.q3()) + " · " + num(n.p95()));
            row(b, "skewness", n.skewness() == null ? "–" : num(n.skewness()));
            row(b, "zeros / negatives", n.zeros() + " / " + n.negatives());
            row(b, "outliers", n.outliers() + " (" + n.outlierPct() + "%) outside [" + num(n.lowFence()) + ", " + num(n.highFence()) + "]");
        }
        if (c.text() != null) {
            var t = c.text();
            row(b, "length min / mean / max", t.minLength() + " / " + t.meanLength() + " / " + t.maxLength());
            row(b, "emails · urls · ids · numbers", t.emails() + " · " + t.urls() + " · " + t.idLike() + " · " + t.numeric());
        }
        if (c.dates() != null) {
            row(b, "first / last", c.dates().min() + " / " + c.dates().max());
            row(b, "after today", Long.toString(c.dates().future()));
        }
        b.append("</table>");
        if (c.histogram() != null) {
            b.append(histogram(c.histogram().bins(), c.dates() != null));
        }
        if (c.topValues() != null && !c.topValues().isEmpty()) {
            b.append(topValues(c.topValues()));
        }
        b.append("</div></section>");
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    /** Bars of the bins' counts, the range written under the axis. */
    static String histogram(List<Bin> bins, boolean dates) {
        long max = bins.stream().mapToLong(Bin::count).max().orElse(1);
        double bw = (double) W / bins.size();
        StringBuilder s = new StringBuilder("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W
                + "\" height=\"" + (H + 16) + "\" viewBox=\"0 0 " + W + " " + (H + 16) + "\" role=\"img\"><title>histogram</title>");
        for (int i = 0; i < bins.size(); i++) {
            Bin bin = bins.get(i);
            double h = max == 0 ? 0 : (double) bin.count() / max * H;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s – %s: %d</title></rect>",
                    i * bw + 0.5, H - h, Math.max(1, bw - 1), h, esc(label(bin.lo(), dates)), esc(label(bin.hi(), dates)), bin.count()));
        }
        s.append("<text x=\"0\" y=\"").append(H + 13).append("\">").append(esc(label(bins.get(0).lo(), dates)))
                .append("</text><text x=\"").append(W).append("\" y=\"").append(H + 13).append("\" text-anchor=\"end\">")
                .append(esc(label(bins.get(bins.size() - 1).hi(), dates))).append("</text></svg>");
        return s.toString();
    }

    /** Horizontal bars of the top values' shares. */
    static String topValues(List<ValueCount> top) {
        int rowH = 16;
        int height = top.size() * rowH;
        long max = top.stream().mapToLong(ValueCount::count).max().orElse(1);
        StringBuilder s = new StringBuilder("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + W + " " + height + "\" role=\"img\"><title>top values</title>");
        for (int i = 0; i < top.size(); i++) {
            ValueCount v = top.get(i);
            double w = (double) v.count() / max * (W - 130);
            String value = v.value().length() > 18 ? v.value().substring(0, 17) + "…" : v.value();
            s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text><rect x=\"120\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %d (%s%%)</title></rect>",
                    i * rowH + 12, esc(value), i * rowH + 2, Math.max(1, w), rowH - 4, esc(v.value()), v.count(), v.pct()));
        }
        return s.append("</svg>").toString();
    }

    private static void correlations(StringBuilder b, TableProfile p) {
        b.append("<h2>Correlations</h2>");
        if (p.correlations().isEmpty() && p.associations().isEmpty()) {
            b.append("<p>No pair of numeric or low-cardinality columns to compare.</p>");
            return;
        }
        b.append("<div class=\"cols\">");
        if (!p.correlations().isEmpty()) {
            b.append("<table><tr><th>numbers</th><th>Pearson r</th></tr>");
            p.correlations().forEach(c -> b.append("<tr><td>").append(esc(c.a())).append(" · ").append(esc(c.b()))
                    .append("</td><td>").append(bar(c.pearson())).append("</td></tr>"));
            b.append("</table>");
        }
        if (!p.associations().isEmpty()) {
            b.append("<table><tr><th>categories</th><th>Cramér's V</th></tr>");
            p.associations().forEach(a -> b.append("<tr><td>").append(esc(a.a())).append(" · ").append(esc(a.b()))
                    .append("</td><td>").append(bar(a.cramersV())).append("</td></tr>"));
            b.append("</table>");
        }
        b.append("</div>");
    }

    /** A value in [-1, 1] as a small bar (blue positive, red negative) with its number. */
    private static String bar(double v) {
        double w = Math.abs(v) * 80;
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"84\" height=\"10\"><rect x=\"0\" y=\"1\" width=\"%.1f\" height=\"8\" fill=\"%s\"/></svg> %s",
                w, v < 0 ? "#c0392b" : "#2e6da4", num(v));
    }

    private static String label(double v, boolean date) {
        return date ? Instant.ofEpochSecond((long) v).toString().substring(0, 10) : num(v);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%.1f" : "%.4g", v);
    }

    static String esc(String s) {
        return HtmlText.escape(s);
    }

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}"
            + "h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}h3{font-size:15px;margin:0 0 6px}"
            + "h3 small{color:#777;font-weight:normal}.meta{color:#666}table{border-collapse:collapse;margin:4px 0}"
            + "th,td{text-align:left;padding:2px 10px 2px 0;vertical-align:top}th{color:#555;font-weight:600}"
            + "section{border:1px solid #e3e3e3;border-radius:6px;padding:10px;margin:10px 0}"
            + ".cols{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}.chart rect{fill:#2e6da4}"
            + ".chart text{font-size:11px;fill:#444}.tag{background:#f3e2c7;border-radius:3px;padding:0 5px}"
            + ".drift{border-color:#d9822b;background:#fdf3e7}.drift h2{border:0;margin-top:0;color:#a34f00}"
            + ".tag.constant,.tag.high_missing,.tag.sentinel,.tag.future_dates,.tag.mixed_types{background:#f6c9c4}";
}
