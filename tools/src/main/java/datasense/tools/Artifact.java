package datasense.tools;

/**
 * A file a tool made. {@code path} is relative to the answer's folder and deterministic for the same
 * arguments (e.g. {@code dist_plots/sales.png}, {@code results/summary_stats.json}), so a repeated step
 * overwrites rather than duplicates. {@code chart} names the chart kind for images (bar, line, pie,
 * scatter, histogram, heatmap), else null.
 */
public record Artifact(String path, String label, String contentType, String chart, byte[] bytes) {
}
