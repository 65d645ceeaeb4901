package datasense.tools.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens ZIP archives safely: a ZIP upload's members are extracted under numbered names (a member's own path is
 * never used on disk, so no member can climb out), and an .xlsx workbook's parts are inflated once to be
 * counted before a reader sees them. Bytes are counted as they are inflated, never trusted from the headers,
 * and the work stops as soon as the total passes the limit, so a zip bomb fills nothing.
 */
final class ZipMembers {

    /** More entries than this in one archive is refused. */
    static final int MAX_MEMBERS = 100;

    /** An extracted member: its name inside the archive and where its bytes are now. */
    record Member(String name, Path file) {
    }

    private ZipMembers() {
    }

    /**
     * Extracts the data files of {@code zip} into {@code dir} as {@code member-1}, {@code member-2}, ...: folders,
     * macOS resource forks ({@code __MACOSX/}) and hidden files ({@code .name}) are skipped.
     */
    static List<Member> extract(Path zip, Path dir, long maxBytes) throws IngestException, IOException {
        List<Member> out = new ArrayList<>();
        long[] total = {0};
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(file.entries());
            if (entries.size() > MAX_MEMBERS) {
                throw new IngestException(IngestException.TOO_LARGE,
                        "The ZIP archive has " + entries.size() + " entries; at most " + MAX_MEMBERS + " are accepted.",
                        "Upload fewer files at once.");
            }
            for (ZipEntry entry : entries) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || base.startsWith(".") || base.isEmpty()) {
                    continue;
                }
                Path target = dir.resolve("member-" + (out.size() + 1));
                try (InputStream in = file.getInputStream(entry); OutputStream os = Files.newOutputStream(target)) {
                    copy(in, os, total, maxBytes, name, entry.getCompressedSize());
                }
                out.add(new Member(name, target));
            }
        } catch (ZipException e) {
            throw new IngestException(IngestException.UNREADABLE,
                    "The ZIP archive could not be read: " + e.getMessage(),
                    "Upload a complete .zip file (not cut short), or the files inside it one by one.", 0, e);
        }
        if (out.isEmpty()) {
            throw new IngestException(IngestException.UNREADABLE, "The ZIP archive holds no files.",
                    "Upload a ZIP holding CSV, Parquet, JSON, NDJSON or .xlsx files.");
        }
        return out;
    }

    /** Inflates every part of a ZIP-based file (an .xlsx workbook), only to count it against the limit. */
    static void checkSize(Path zip, long maxBytes, String what) throws IngestException, IOException {
        long[] total = {0};
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(file.entries());
            if (entries.size() > 10_000) {
                throw new IngestException(IngestException.TOO_LARGE, what + " has " + entries.size() + " parts.",
                        "Upload a smaller workbook.");
            }
            for (ZipEntry entry : entries) {
                try (InputStream in = file.getInputStream(entry)) {
                    // a workbook's XML parts compress far better than data files: only the byte limit applies
                    copy(in, OutputStream.nullOutputStream(), total, maxBytes, entry.getName(), -1);
                }
            }
        } catch (ZipException e) {
            throw new IngestException(IngestException.UNREADABLE, what + " could not be opened: " + e.getMessage(),
                    "Save the workbook again as .xlsx and upload it.", 0, e);
        }
    }

    /** Copies one member, counting against the archive's byte limit and, when {@code compressedSize} is known, its inflation. */
    private static void copy(InputStream in, OutputStream out, long[] total, long maxBytes, String member, long compressedSize)
            throws IngestException, IOException {
        byte[] buf = new byte[1 << 16];
        int n;
        long inflated = 0;
        while ((n = in.read(buf)) > 0) {
            total[0] += n;
            inflated += n;
            if (compressedSize >= 0) {
                Inflation.check(inflated, compressedSize, member);
            }
            if (total[0] > maxBytes) {
                throw new IngestException(IngestException.TOO_LARGE,
                        "The archive is larger than " + maxBytes + " bytes once decompressed (passed at member '"
                                + member + "').",
                        "Upload a smaller archive, or its files one by one.");
            }
            out.write(buf, 0, n);
        }
    }
}
