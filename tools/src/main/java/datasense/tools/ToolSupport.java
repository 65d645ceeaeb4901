package datasense.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Charts;
import datasense.tools.chart.Figure;
import datasense.tools.chart.VegaLite;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small helpers shared by the tools: argument access, slugs, number formatting, JSON and CSV bytes. */
final class ToolSupport {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ToolSupport() {
    }

    /** Lowercase, every run of non-alphanumerics turned into one '_', trimmed of '_'; "value" when empty. */
    static String slug(String s) {
        String out = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return out.isEmpty() ? "value" : out;
    }

    /** The text of an optional argument; null when absent, null or blank. */
    static String text(ObjectNode args, String name) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    /** An optional integer argument, or {@code fallback}. */
    static int integer(ObjectNode args, String name, int fallback) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() || !v.isNumber() ? fallback : v.intValue();
    }

    /** An optional list of strings; empty when absent. */
    static List<String> strings(ObjectNode args, String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = args.get(name);
        if (v != null && v.isArray()) {
            v.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** The dataset column for a name (exact, then case-insensitive) or {@code unknown_column}. */
    static Column column(Dataset ds, String name) throws ToolException {
        Column c = ds.column(name);
        if (c == null) {
            throw unknownColumn(name, ds.columns());
        }
        return c;
    }

    static ToolException unknownColumn(String name, List<Column> columns) {
        return new ToolException("unknown_column", "There is no column '" + name + "'.",
                "Use one of: " + columns.stream().map(Column::name).collect(Collectors.joining(", ")));
    }

    /** " WHERE a AND b" for the conditions, or "" when there are none. */
    static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** A number for a summary line: thousands separators, at most two decimals. */
    static String fmt(Object n) {
        if (n instanceof Number number) {
            NumberFormat f = Charts.numberFormat();
            return f.format(number.doubleValue());
        }
        return String.valueOf(n);
    }

    /**
     * A chart's two artifacts: its PNG at {@code pngPath} and its Vega-Lite spec beside it ({@code .vl.json} for
     * {@code .png}), both drawn from the same figure.
     */
    static List<Artifact> chart(String pngPath, String label, String kind, Figure figure, String series,
                                Boolean stacked) {
        return List.of(new Artifact(pngPath, label, "image/png", kind, series, stacked, Charts.png(figure)),
                new Artifact(specPath(pngPath), label + " (Vega-Lite spec)", VegaLite.CONTENT_TYPE, null,
                        VegaLite.bytes(figure)));
    }

    /** A chart's artifacts when it has no series. */
    static List<Artifact> chart(String pngPath, String label, String kind, Figure figure) {
        return chart(pngPath, label, kind, figure, null, null);
    }

    /** The path of the Vega-Lite spec beside a chart's PNG. */
    static String specPath(String pngPath) {
        return pngPath.replaceFirst("\\.png$", "") + ".vl.json";
    }

    /** A cell as a category name: "(missing)" for null, a whole double without its ".0". */
    static String label(Object v) {
        if (v == null) {
            return "(missing)";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    static Double toDouble(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static byte[] json(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * RFC 4180 CSV of a header and rows; cells with commas, quotes or line breaks are quoted. A text cell that a
     * spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return: OWASP's CSV
     * injection list) gets a leading ' so that it opens as text; numbers are written as they are, minus sign included.
     */
    static byte[] csv(List<Column> columns, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(columns.stream().map(c -> csvCell(c.name())).collect(Collectors.joining(","))).append("\r\n");
        for (List<Object> row : rows) {
            sb.append(row.stream().map(v -> v == null ? "" : v instanceof Number ? String.valueOf(v) : csvCell(String.valueOf(v)))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String text) {
        String s = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
