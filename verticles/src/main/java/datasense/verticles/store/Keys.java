package datasense.verticles.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The deterministic, per-tenant object-store key layout. Everything a tenant owns lives under
 * {@code {tenant}/}, so a key alone says whose it is, and the same question writes the same keys twice
 * rather than two copies:
 * <pre>
 * {tenant}/uploads/{file_id}/data.csv            the upload as sent; after ingest of a CSV (sheet, database table), its rows as UTF-8 CSV
 * {tenant}/uploads/{file_id}/data.parquet        typed copy written at ingest, what queries read
 * {tenant}/uploads/{file_id}/manifest.json       the file's registration (written last)
 * {tenant}/uploads/{file_id}/answers/{hash}/...  artifacts of one answer (hash of its canonical plan), and results.json
 * {tenant}/uploads/{file_id}/questions/{q}.json  one asked question: its plan and the answer given
 * {tenant}/uploads/{file_id}/boards/{b}.json     a board of the file: its pinned tiles
 * {tenant}/projects/{project_id}/join_hints.json  the join hints among a project's files (and .md)
 * {tenant}/questions/{question_id}.json          which file a question id belongs to
 * {tenant}/boards/{board_id}.json               which file a board id belongs to
 * {tenant}/conversations/{conversation_id}.json  a conversation's turns, oldest first
 * {tenant}/reports/{report_id}/...              a report's files (report.md, report.html, report.pdf, charts/), then its manifest.json, written last
 * {tenant}/jobs/{job_id}/job.json                a job's record: running from its acceptance, then finished with its trace
 * {tenant}/jobs/{job_id}/checkpoint.json         a running job's last checkpoint (deleted when the job ends)
 * {tenant}/api-keys/{key_id}.json                an API key's record (its hash, never the key)
 * {tenant}/projects/{project_id}/project.json    a project's record (the project "default" has none: it always exists)
 * {tenant}/projects/{project_id}/secrets/{name}.json  a project's secret, sealed (SecretBox), never served
 * _index/api-keys/{key_id}.json                   which tenant owns an API key id
 * _index/running-jobs/{job_id}.json               an accepted job not finished yet, to resume after a stop
 * _audit/{tenant}/{yyyy-mm-dd}/{millis}-{id}.json  one entry of a tenant's audit log (outside {tenant}/: not its stored bytes)
 * </pre>
 * Of all these, only answer artifacts ({@link #servableArtifact}) are ever served to clients by key; a report's files
 * are served by name, to their tenant, when the report's manifest lists them.
 */
public final class Keys {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** A tenant starts with a letter or digit ("_index" and ".staging" are the store's own) and holds no "..". */
    private static final Pattern SAFE_TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private Keys() {
    }

    /** True for file, job, question and conversation ids that are safe as one key segment (no "..", anywhere). */
    public static boolean safeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches() && !id.equals(".") && !id.contains("..");
    }

    /** True for a tenant id: a safe id that cannot name one of the store's own folders. */
    public static boolean safeTenant(String tenant) {
        return tenant != null && SAFE_TENANT.matcher(tenant).matches() && !tenant.contains("..");
    }

    /**
     * True when {@code key} is an answer's artifact, {@code {tenant}/uploads/{file}/answers/{hash}/...}, every
     * segment a plain name: the only keys /artifacts serves. Uploads, manifests, questions, conversations, jobs,
     * API keys and indexes are never served, and no segment can climb out ({@code ..}, empty, encoded bytes).
     */
    public static boolean servableArtifact(String key) {
        if (key == null) {
            return false;
        }
        String[] segments = key.split("/", -1);
        if (segments.length < 6 || !safeTenant(segments[0]) || !"uploads".equals(segments[1]) || !safeId(segments[2])
                || !"answers".equals(segments[3]) || !safeId(segments[4])) {
            return false;
        }
        for (int i = 5; i < segments.length; i++) {
            if (!SAFE_SEGMENT.matcher(segments[i]).matches() || segments[i].equals(".") || segments[i].contains("..")) {
                return false;
            }
        }
        return true;
    }

    /** The tenant a key belongs to: its first segment. */
    public static String tenantOf(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    public static String apiKey(String tenant, String keyId) {
        return tenant + "/api-keys/" + keyId + ".json";
    }

    public static String apiKeysPrefix(String tenant) {
        return tenant + "/api-keys/";
    }

    /** Everything a project keeps: {@code {tenant}/projects/{project_id}/}. */
    public static String projectPrefix(String tenant, String projectId) {
        return tenant + "/projects/" + projectId + "/";
    }

    /** A project's record; a project other than {@code default} exists exactly when this key does. */
    public static String projectRecord(String tenant, String projectId) {
        return projectPrefix(tenant, projectId) + "project.json";
    }

    /** Where a project's secrets are kept, one object each. */
    public static String secretsPrefix(String tenant, String projectId) {
        return projectPrefix(tenant, projectId) + "secrets/";
    }

    /** One sealed secret of a project (a database password): {@code {name, updated_at, sealed}}. */
    public static String secret(String tenant, String projectId, String name) {
        return secretsPrefix(tenant, projectId) + name + ".json";
    }

    public static String apiKeyIndex(String keyId) {
        return "_index/api-keys/" + keyId + ".json";
    }

    public static String filePrefix(String tenant, String fileId) {
        return tenant + "/uploads/" + fileId + "/";
    }

    public static String csv(String tenant, String fileId) {
        return filePrefix(tenant, fileId) + "data.csv";
    }

    public static String parquet(String tenant, String fileId) {
        return filePrefix(tenant, fileId) + "data.parquet";
    }

    public static String manifest(String tenant, String fileId) {
        return filePrefix(tenant, fileId) + "manifest.json";
    }

    /** A file's profile (GET /files/{id}/profile): written by ingest before the manifest, replaced by each ingest. */
    public static String profile(String tenant, String fileId) {
        return filePrefix(tenant, fileId) + "profile.json";
    }

    /**
     * The drift report from the version {@code fromFileId} to the file {@code toFileId} (GET /files/{id}/drift), kept
     * under the later file so it goes with it: both files are immutable, so a report once computed stays true.
     */
    public static String drift(String tenant, String toFileId, String fromFileId) {
        return filePrefix(tenant, toFileId) + "drift/" + fromFileId + ".json";
    }

    /** Where a tenant's projects live: one folder per project. */
    public static String projectsPrefix(String tenant) {
        return tenant + "/projects/";
    }

    /** The join hints across a project's files, as JSON; rewritten after each upload and delete in the project. */
    public static String joinHints(String tenant, String projectId) {
        return projectPrefix(tenant, projectId) + "join_hints.json";
    }

    /** The same join hints as Markdown, for people. */
    public static String joinHintsMarkdown(String tenant, String projectId) {
        return projectPrefix(tenant, projectId) + "join_hints.md";
    }

    /** Where the join hints of a tenant's files were kept before projects (now the default project's): removed when found. */
    public static String legacyJoinHintsPrefix(String tenant) {
        return tenant + "/project/";
    }

    public static String answerPrefix(String tenant, String fileId, String answerHash) {
        return filePrefix(tenant, fileId) + "answers/" + answerHash + "/";
    }

    public static String questionsPrefix(String tenant, String fileId) {
        return filePrefix(tenant, fileId) + "questions/";
    }

    public static String question(String tenant, String fileId, String questionId) {
        return questionsPrefix(tenant, fileId) + questionId + ".json";
    }

    public static String questionIndex(String tenant, String questionId) {
        return tenant + "/questions/" + questionId + ".json";
    }

    public static String boardsPrefix(String tenant, String fileId) {
        return filePrefix(tenant, fileId) + "boards/";
    }

    public static String board(String tenant, String fileId, String boardId) {
        return boardsPrefix(tenant, fileId) + boardId + ".json";
    }

    public static String boardIndex(String tenant, String boardId) {
        return tenant + "/boards/" + boardId + ".json";
    }

    public static String conversation(String tenant, String conversationId) {
        return tenant + "/conversations/" + conversationId + ".json";
    }

    public static String reportsPrefix(String tenant) {
        return tenant + "/reports/";
    }

    public static String reportPrefix(String tenant, String reportId) {
        return reportsPrefix(tenant) + reportId + "/";
    }

    /** A report's manifest: written after its files, so a report exists exactly when this does. */
    public static String reportManifest(String tenant, String reportId) {
        return reportPrefix(tenant, reportId) + "manifest.json";
    }

    /** One file of a report, by its name in the report's folder ({@code report.pdf}, {@code charts/chart-1.png}). */
    public static String reportFile(String tenant, String reportId, String name) {
        return reportPrefix(tenant, reportId) + name;
    }

    public static String job(String tenant, String jobId) {
        return tenant + "/jobs/" + jobId + "/job.json";
    }

    /** Where accepted jobs wait until they finish: what an agent starting up resumes. */
    public static final String RUNNING_JOBS = "_index/running-jobs/";

    public static String runningJob(String jobId) {
        return RUNNING_JOBS + jobId + ".json";
    }

    /** Every tenant's audit log: {@code _audit/{tenant}/{yyyy-mm-dd}/}. */
    public static final String AUDIT = "_audit/";

    /** Where a tenant's audit log lives: one folder per UTC day, one object per entry (a store cannot append). */
    public static String auditPrefix(String tenant) {
        return AUDIT + tenant + "/";
    }

    /** One audit entry: its day's folder, then its time in milliseconds (13 digits, so keys sort by time) and a unique id. */
    public static String auditEntry(String tenant, java.time.Instant at, String id) {
        return auditPrefix(tenant) + at.toString().substring(0, 10) + "/" + String.format("%013d", at.toEpochMilli()) + "-" + id + ".json";
    }

    /** A short stable hash naming one answer's folder. */
    public static String hash(String text) {
        return hash(text, 8);
    }

    /** The first {@code bytes} bytes of the text's SHA-256, in hex. */
    public static String hash(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content type of a key by its extension. */
    public static String contentType(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith(".png")) {
            return "image/png";
        }
        if (k.endsWith(".vl.json")) {
            return "application/vnd.vegalite+json";
        }
        if (k.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (k.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (k.endsWith(".zip")) {
            return "application/zip";
        }
        if (k.endsWith(".md")) {
            return "text/markdown; charset=utf-8";
        }
        if (k.endsWith(".json")) {
            return "application/json";
        }
        if (k.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        if (k.endsWith(".parquet")) {
            return "application/vnd.apache.parquet";
        }
        return "application/octet-stream";
    }
}
