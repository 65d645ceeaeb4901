package datasense.agent;

/** An artifact once stored: its object-store key, label, content type and chart kind (null if not a chart). */
public record ArtifactRef(String key, String label, String contentType, String chart) {
}
