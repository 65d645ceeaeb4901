package datasense.tools;

/**
 * A file a tool made. {@code path} is relative to the answer's folder and deterministic for the same
 * arguments (e.g. {@code dist_plots/sales.png}, {@code results/summary_stats.json}), so a repeated step
 * overwrites rather than duplicates. {@code chart} names the chart kind for images (bar, line, pie,
 * scatter, histogram, box, heatmap), else null; {@code series} names the column a chart colours its series by
 * and {@code stacked} says whether its bars are stacked (both null when the chart has no series). Every chart
 * image has a Vega-Lite spec beside it: the same path with {@code .vl.json} for {@code .png}.
 */
public record Artifact(String path, String label, String contentType, String chart, String series, Boolean stacked,
                       byte[] bytes) {

    /** An artifact that is not a chart with series. */
    public Artifact(String path, String label, String contentType, String chart, byte[] bytes) {
        this(path, label, contentType, chart, null, null, bytes);
    }
}
