package datasense.tools.sql;

import datasense.tools.Dataset;
import datasense.tools.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Open sandboxed DuckDB databases, one per dataset, each with the dataset's view already created, so a tool call
 * does not pay for a new database and view every time (about 8 ms each, measured in docs/BENCHMARKS.md). A call
 * gets its own connection duplicated from the shared database and closes only that; the database and its
 * sandbox settings (locked at open) are shared.
 *
 * <p>Bounded: at most {@code capacity} databases, the least recently used closed first. An entry is keyed by the
 * Parquet file, the view name and the limits that are fixed at open (memory, threads), and remembers the file's
 * modification time and size: a file that changed (re-uploaded) or vanished (deleted) is never served from the
 * old database, which is closed. Closing a database while a call still holds a duplicated connection is safe:
 * DuckDB keeps the database alive until its last connection closes. Thread-safe.
 */
public final class DatabaseCache {

    /** The node's cache, used by {@link QueryRunner#connect}. */
    private static final DatabaseCache SHARED = new DatabaseCache(Integer.getInteger("datasense.duckdb.cached", 4));

    /** {@code joined}: the files joined to the dataset for a question (their view names and Parquet files), in order. */
    private record Key(Path parquet, String table, List<Dataset.Joined> joined, String memoryLimit, int threads) {

        boolean reads(Path file) {
            return parquet.equals(file) || joined.stream().anyMatch(j -> j.parquet().equals(file));
        }
    }

    /** {@code stamps}: each file's modification time and size when opened, the dataset's first. */
    private record Entry(DuckDBConnection root, List<List<Long>> stamps) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, Entry> open = new LinkedHashMap<>(16, 0.75f, true);

    /** A cache that keeps at most {@code capacity} databases open (0 keeps none: every call opens and closes). */
    public DatabaseCache(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    /** The node's shared cache (size from the system property {@code datasense.duckdb.cached}, default 4). */
    public static DatabaseCache shared() {
        return SHARED;
    }

    /**
     * A new connection to the database of {@code parquet} with its view {@code table}; the caller closes it.
     * Throws {@link java.nio.file.NoSuchFileException} (an IOException) when the file is gone.
     */
    public Connection connect(Path parquet, String table, Limits limits) throws SQLException, IOException {
        return connect(parquet, table, List.of(), limits);
    }

    /**
     * As {@link #connect(Path, String, Limits)}, with the files {@code joined} to the dataset for one question also
     * exposed as views of their own names: that database may read exactly these files. A change to any of them (a
     * re-upload) opens it afresh.
     */
    public Connection connect(Path parquet, String table, List<Dataset.Joined> joined, Limits limits)
            throws SQLException, IOException {
        Path file = parquet.toAbsolutePath().normalize();
        List<Dataset.Joined> others = joined.stream()
                .map(j -> new Dataset.Joined(j.table(), j.parquet().toAbsolutePath().normalize())).toList();
        List<List<Long>> stamps = new ArrayList<>();
        stamps.add(stamp(file));
        for (Dataset.Joined j : others) {
            stamps.add(stamp(j.parquet()));
        }
        Key key = new Key(file, table, others, limits.memoryLimit(), limits.threads());
        List<DuckDBConnection> retired = new ArrayList<>();
        try {
            synchronized (this) {
                Entry e = open.get(key);
                if (e != null && !e.stamps().equals(stamps)) {
                    open.remove(key);
                    retired.add(e.root());
                    e = null;
                }
                if (e == null) {
                    e = new Entry(openDatabase(file, table, others, limits), stamps);
                    if (capacity == 0) {
                        retired.add(e.root());
                        return e.root().duplicate();
                    }
                    open.put(key, e);
                    trim(retired);
                }
                return e.root().duplicate();
            }
        } finally {
            retired.forEach(QueryRunner::closeQuietly);
        }
    }

    private static List<Long> stamp(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(attrs.lastModifiedTime().toMillis(), attrs.size());
    }

    /**
     * Closes the databases that read {@code parquet} (any view name and limits, as the dataset or joined to one):
     * for a dataset that was deleted.
     */
    public void evict(Path parquet) {
        Path file = parquet.toAbsolutePath().normalize();
        List<DuckDBConnection> retired = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<Key, Entry>> it = open.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, Entry> e = it.next();
                if (e.getKey().reads(file)) {
                    retired.add(e.getValue().root());
                    it.remove();
                }
            }
        }
        retired.forEach(QueryRunner::closeQuietly);
    }

    /** How many databases are open now. */
    public synchronized int size() {
        return open.size();
    }

    private void trim(List<DuckDBConnection> retired) {
        for (Iterator<Entry> it = open.values().iterator(); open.size() > capacity && it.hasNext(); ) {
            retired.add(it.next().root());
            it.remove();
        }
    }

    private static DuckDBConnection openDatabase(Path file, String table, List<Dataset.Joined> joined, Limits limits)
            throws SQLException {
        List<Path> files = new ArrayList<>();
        files.add(file);
        joined.forEach(j -> files.add(j.parquet()));
        Connection c = DuckDb.openReading(files, limits);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE VIEW " + DuckDb.quoteIdent(table) + " AS SELECT * FROM read_parquet("
                    + DuckDb.quoteLiteral(file.toString()) + ")");
            for (Dataset.Joined j : joined) {
                st.execute("CREATE VIEW " + DuckDb.quoteIdent(j.table()) + " AS SELECT * FROM read_parquet("
                        + DuckDb.quoteLiteral(j.parquet().toString()) + ")");
            }
            return c.unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            QueryRunner.closeQuietly(c);
            throw e;
        }
    }
}
