package datasense.verticles.bus;

/**
 * Every event-bus address of a node, in one place. Message shapes and timeouts are documented in
 * docs/event-bus.md; keep the two in step.
 */
public final class Address {

    private Address() {
    }

    /** Cache lookup: body = cache key (String); reply = cached reply body (String) or null. */
    public static final String CACHE_GET = "ds.cache.get";
    /** Cache store: {key, file_prefix, value}. */
    public static final String CACHE_PUT = "ds.cache.put";
    /** Drop every cached answer of one file: {tenant, file_id}. */
    public static final String CACHE_EVICT = "ds.cache.evict";

    /** The cache's state: reply {backend: "redis"|"memory", status: "ok"|"degraded", since, url?}. */
    public static final String CACHE_HEALTH = "ds.cache.health";

    /** Plan a question: {question, schema, history, failure?, planner?}; reply = Plan JSON. */
    public static final String PLANNER_PLAN = "ds.planner.plan";

    /** Run an analysis job: {job_id, tenant, file_id, question, async}; reply = answer body (or {job_id} when async). */
    public static final String AGENT_RUN = "ds.agent.run";
    /** A job's status and trace: {tenant, job_id}; reply = job body. */
    public static final String JOBS_GET = "ds.jobs.get";

    /** A conversation: {tenant, conversation_id}; reply = {conversation_id, file_id, created_at, turns: [...]}. */
    public static final String HISTORY_CONVERSATION = "ds.history.conversation";
    /** Record an answered question (and its conversation turn): {tenant, record}; reply = {question_id, conversation_id}. */
    public static final String HISTORY_RECORD = "ds.history.record";
    /** A file's questions, newest first: {tenant, file_id, limit}; reply = {file_id, questions: [...]}. */
    public static final String HISTORY_QUESTIONS = "ds.history.questions";
    /** One question's record: {tenant, question_id}; reply = the record with the answer given. */
    public static final String HISTORY_QUESTION = "ds.history.question";
    /** Forget a question (and its conversation turn): {tenant, question_id}; reply = {question_id, deleted}. */
    public static final String HISTORY_DELETE = "ds.history.delete";

    /** One tool's worker address; the same on every node, so a cluster spreads the load. */
    public static String tool(String name) {
        return "ds.tool." + name;
    }

    /** Store an artifact: {key, content_type, data (standard base64, as Jackson writes byte[])}; reply = {key, bytes}. */
    public static final String WRITER_PUT = "ds.writer.put";

    /** Ingest an uploaded file already in the store: {tenant, file_id, name}; reply = file manifest. */
    public static final String INGEST_FILE = "ds.ingest.file";
    /** A file's manifest: {tenant, file_id}. */
    public static final String FILES_GET = "ds.files.get";
    /** Every file of a tenant: {tenant}; reply = {files: [...]}. */
    public static final String FILES_LIST = "ds.files.list";
    /** First rows of a file: {tenant, file_id, limit}; reply = table JSON. */
    public static final String FILES_PREVIEW = "ds.files.preview";
    /** Remove a file, its data and its answers: {tenant, file_id}. */
    public static final String FILES_DELETE = "ds.files.delete";

    /** Published by the node that revoked an API key: {key_id}; every node forgets the key at once. */
    public static final String AUTH_KEY_REVOKED = "ds.auth.key-revoked";

    /** Progress events of one job (published, never requested). */
    public static String jobEvents(String jobId) {
        return "ds.job." + jobId + ".events";
    }
}
