package datasense.tools.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries the profile ingest computed (with the planner's schema, in the same passes) to the caller that asks
 * {@link TableProfiler#profile} for the same file right after, so an upload profiles its table once, not twice,
 * without changing how callers ask for a profile. A profile is handed over once, and only for the very file it was
 * computed from: same file key (device and inode, which survive the rename into place), same size, same
 * modification time, same table name; anything else computes afresh. At most {@link #MAX} profiles wait, the
 * oldest dropped first (an ingest that failed after profiling leaves one behind).
 */
public final class ProfileHandOff {

    static final int MAX = 16;

    private record Identity(Object fileKey, long size, long modifiedNanos, String table) {
    }

    private static final Map<Identity, TableProfile> WAITING = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, TableProfile> eldest) {
            return size() > MAX;
        }
    };

    private ProfileHandOff() {
    }

    /** Keeps {@code profile} of the file at {@code parquet} (as it is now) for one later {@link #take}. */
    public static void put(Path parquet, String table, TableProfile profile) {
        Identity id = identity(parquet, table);
        if (id != null) {
            synchronized (WAITING) {
                WAITING.put(id, profile);
            }
        }
    }

    /** The profile kept for the file at {@code parquet} as it is now and {@code table}, removed; or null. */
    public static TableProfile take(Path parquet, String table) {
        Identity id = identity(parquet, table);
        if (id == null) {
            return null;
        }
        synchronized (WAITING) {
            return WAITING.remove(id);
        }
    }

    private static Identity identity(Path parquet, String table) {
        try {
            BasicFileAttributes a = Files.readAttributes(parquet, BasicFileAttributes.class);
            if (a.fileKey() == null) {
                return null; // no stable identity on this file system: never hand over
            }
            return new Identity(a.fileKey(), a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                    + a.lastModifiedTime().toInstant().getNano(), table);
        } catch (IOException e) {
            return null;
        }
    }
}
