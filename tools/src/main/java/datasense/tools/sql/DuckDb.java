package datasense.tools.sql;

import datasense.tools.Limits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Opens sandboxed in-memory DuckDB connections. The engine itself refuses what the SQL guard might miss:
 * only the listed directories are readable or writable, external access (other files, HTTP, extensions)
 * is off, and the configuration is locked so a statement cannot turn any of it back on.
 */
public final class DuckDb {

    private DuckDb() {
    }

    /**
     * A fresh in-memory connection that may touch only {@code allowedDirectories}. The order matters:
     * directories must be allowed before external access is switched off, and the lock comes last.
     */
    public static Connection open(List<Path> allowedDirectories, Limits limits) throws SQLException {
        String dirs = allowedDirectories.stream()
                .map(p -> quoteLiteral(p.toAbsolutePath().normalize() + "/"))
                .collect(Collectors.joining(", "));
        return sandboxed("SET allowed_directories = [" + dirs + "]", limits);
    }

    /**
     * A fresh in-memory connection that may read only the one file {@code file} ({@code allowed_paths}, not its
     * folder): what a query of a dataset needs. With a folder allowed, DuckDB lets {@code COPY ... TO} write new
     * files into it; with only the file allowed, a write beside it is refused by the engine itself
     * ({@code Permission Error}), whatever the SQL guard let through. Same order and lock as {@link #open}.
     */
    public static Connection openReading(Path file, Limits limits) throws SQLException {
        return openReading(List.of(file), limits);
    }

    /**
     * As {@link #openReading(Path, Limits)} for a question that joins files: exactly {@code files} are readable
     * ({@code allowed_paths}), no folder and no other file.
     */
    public static Connection openReading(List<Path> files, Limits limits) throws SQLException {
        String paths = files.stream().map(f -> quoteLiteral(f.toAbsolutePath().normalize().toString()))
                .collect(Collectors.joining(", "));
        return sandboxed("SET allowed_paths = [" + paths + "]", limits);
    }

    /** A new in-memory connection with no extension loading, {@code allow} run first, then {@link #lockDown}. */
    private static Connection sandboxed(String allow, Limits limits) throws SQLException {
        Properties props = new Properties();
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("autoinstall_known_extensions", "false");
        Connection connection = DriverManager.getConnection("jdbc:duckdb:", props);
        try (Statement st = connection.createStatement()) {
            st.execute(allow);
            lockDown(st, limits);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** External access off, no community extensions, the limits, then the configuration locked: always last. */
    private static void lockDown(Statement st, Limits limits) throws SQLException {
        st.execute("SET enable_external_access = false");
        st.execute("SET allow_community_extensions = false");
        st.execute("SET memory_limit = " + quoteLiteral(limits.memoryLimit()));
        st.execute("SET threads = " + limits.threads());
        st.execute("SET lock_configuration = true");
    }

    /** A SQL string literal: single quotes doubled. */
    public static String quoteLiteral(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A SQL identifier: double quotes doubled, so any column name is safe to splice. */
    public static String quoteIdent(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
