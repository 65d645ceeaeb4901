package datasense.tools;

/** A column of a dataset or a result table: its name and its DuckDB type name (e.g. VARCHAR, DOUBLE, DATE). */
public record Column(String name, String type) {

    /** True for the numeric DuckDB types (integers, decimals, floating point). */
    public boolean numeric() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.contains("INT") || t.startsWith("DECIMAL") || t.equals("DOUBLE") || t.equals("FLOAT")
                || t.equals("REAL") || t.startsWith("NUMERIC");
    }

    /** True for DATE and TIMESTAMP types. */
    public boolean temporal() {
        String t = type.toUpperCase(java.util.Locale.ROOT);
        return t.equals("DATE") || t.startsWith("TIMESTAMP");
    }
}
