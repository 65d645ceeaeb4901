package datasense.agent;

/**
 * An artifact once stored: its object-store key, label, content type and chart kind (null if not a chart), and for a
 * chart with series the column it colours by and whether its bars are stacked (both null otherwise).
 */
public record ArtifactRef(String key, String label, String contentType, String chart, String series, Boolean stacked) {

    /** A stored artifact that is not a chart with series. */
    public ArtifactRef(String key, String label, String contentType, String chart) {
        this(key, label, contentType, chart, null, null);
    }
}
