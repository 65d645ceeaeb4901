package datasense.verticles.bus;

/**
 * Every event-bus address of a node, in one place. Message shapes and timeouts are documented in
 * docs/event-bus.md, and a test fails when the two differ. Requests about a tenant's data carry the tenant in
 * the {@link TenantHeader}, not in the body.
 */
public final class Address {

    private Address() {
    }

    /** Cache lookup: body = cache key (String); reply = cached reply body (String) or null. */
    public static final String CACHE_GET = "ds.cache.get";
    /** Cache store: {key, value}. */
    public static final String CACHE_PUT = "ds.cache.put";
    /** Drop every cached answer of one file: {file_id}. */
    public static final String CACHE_EVICT = "ds.cache.evict";

    /** The cache's state: reply {backend: "redis"|"memory", status: "ok"|"degraded", since, url?}. */
    public static final String CACHE_HEALTH = "ds.cache.health";

    /** Plan a question: {question, schema, history, failure?, planner?}; reply = Plan JSON. */
    public static final String PLANNER_PLAN = "ds.planner.plan";
    /** Questions to suggest for a file: {schema, limit}; reply = {questions: [...]}, each read by the offline planner with full confidence. */
    public static final String PLANNER_SUGGEST = "ds.planner.suggest";

    /** Run an analysis job: a {@link RunJob}; reply = its {@link JobStatus} once accepted (a repeated job id: its status). */
    public static final String AGENT_RUN = "ds.agent.run";
    /** A job's status and trace: a {@link JobQuery}; reply = its {@link JobStatus}. */
    public static final String JOBS_GET = "ds.jobs.get";

    /** A conversation: {conversation_id}; reply = a {@link Conversation}. */
    public static final String HISTORY_CONVERSATION = "ds.history.conversation";
    /** Record an answered question (and its conversation turn, once per question id): a {@link QuestionRecord}; reply = {question_id, conversation_id}. */
    public static final String HISTORY_RECORD = "ds.history.record";
    /** A file's questions, newest first: {file_id, limit}; reply = {file_id, total, questions: [...]}. */
    public static final String HISTORY_QUESTIONS = "ds.history.questions";
    /** One question's record: {question_id}; reply = its {@link QuestionRecord}. */
    public static final String HISTORY_QUESTION = "ds.history.question";
    /** Forget a question (and its conversation turn): {question_id}; reply = {question_id, deleted}. */
    public static final String HISTORY_DELETE = "ds.history.delete";

    /** A file's boards: {file_id}; reply = {file_id, boards: [board summary]}, oldest first. */
    public static final String BOARDS_LIST = "ds.boards.list";
    /** Make an empty board of a file: {file_id, name, generated?}; reply = the {@link Board}. */
    public static final String BOARDS_CREATE = "ds.boards.create";
    /** One board with its tiles: {board_id}; reply = the {@link Board}. */
    public static final String BOARDS_GET = "ds.boards.get";
    /** Rename a board or mark its generation or refresh over: {board_id, name?, generating?, refreshing?}; reply = the {@link Board}. */
    public static final String BOARDS_UPDATE = "ds.boards.update";
    /** Move a board to the re-upload of its file, marked refreshing: {board_id, file_id}; reply = the {@link Board}. */
    public static final String BOARDS_MOVE = "ds.boards.move";
    /** Remove a board: {board_id}; reply = {board_id, deleted}. */
    public static final String BOARDS_DELETE = "ds.boards.delete";
    /** Pin an answered question as a tile: {board_id, title?, question: QuestionRecord}; reply = the {@link Board}. */
    public static final String BOARDS_PIN = "ds.boards.pin";
    /** Keep a tile's re-run answer: {board_id, tile_id, result}; reply = the {@link Board.Tile}. */
    public static final String BOARDS_REFRESH = "ds.boards.refresh";
    /** Remove a tile: {board_id, tile_id}; reply = the {@link Board}. */
    public static final String BOARDS_UNPIN = "ds.boards.unpin";

    /**
     * Make a report: {from: {job|conversation|board|profile: id}, formats?: [md, html, pdf], title?}; reply = its
     * {@link ReportManifest} with links, once every file of it is stored.
     */
    public static final String REPORTS_CREATE = "ds.reports.create";
    /** One report: {report_id}; reply = its {@link ReportManifest} with links. */
    public static final String REPORTS_GET = "ds.reports.get";
    /** A tenant's reports, newest first: {}; reply = {reports: [ReportManifest with links]}. */
    public static final String REPORTS_LIST = "ds.reports.list";
    /** Remove a report and its files: {report_id}; reply = {report_id, deleted}. */
    public static final String REPORTS_DELETE = "ds.reports.delete";

    /** Make a project: {name, description?}; reply = the new {@link Project}. */
    public static final String PROJECTS_CREATE = "ds.projects.create";
    /** A tenant's projects, the default one first: {}; reply = {projects: [Project with files, boards, reports counts]}. */
    public static final String PROJECTS_LIST = "ds.projects.list";
    /** One project's record: {project_id}; reply = the {@link Project} (the implicit default one too); 404 project_not_found. */
    public static final String PROJECTS_GET = "ds.projects.get";
    /** A project with what it holds: {project_id}; reply = the {@link Project} with {files, boards, reports}. */
    public static final String PROJECTS_CONTENTS = "ds.projects.contents";
    /** Remove a project and everything in it, its record last: {project_id}; reply = {project_id, deleted, files, reports}. */
    public static final String PROJECTS_DELETE = "ds.projects.delete";
    /** A project's runs, newest first: {project_id, limit}; reply = {project_id, runs: [{@link ProjectRun}]}. */
    public static final String PROJECTS_RUNS = "ds.projects.runs";

    /** One tool's worker address; the same on every node, so a cluster spreads the load. */
    public static String tool(String name) {
        return "ds.tool." + name;
    }

    /** Store an artifact: {key, content_type, data (standard base64, as Jackson writes byte[])}; reply = {key, bytes}. */
    /** Appends one entry to the tenant's audit log (AuditVerticle): {@code {action, actor?, details?}}. */
    public static final String AUDIT_APPEND = "ds.audit.append";
    /** The tenant's audit entries since a time (AuditVerticle): {@code {since?, limit?}}. */
    public static final String AUDIT_READ = "ds.audit.read";
    public static final String WRITER_PUT = "ds.writer.put";

    /** Ingest an uploaded file already in the store: {file_id, name}; reply = file manifest. */
    public static final String INGEST_FILE = "ds.ingest.file";
    /**
     * Import a snapshot of a Postgres database as files: {file_id, name, project, url, tables | query, password_secret};
     * the password is opened from the project's secret by the consumer and never sent; reply = as INGEST_FILE.
     */
    public static final String INGEST_POSTGRES = "ds.ingest.postgres";
    /** A file's manifest: {file_id, versions?} (with versions: true, its version and latest flag too). */
    public static final String FILES_GET = "ds.files.get";
    /** Every file of a tenant: {}; reply = {files: [...]}. */
    public static final String FILES_LIST = "ds.files.list";
    /** First rows of a file: {file_id, limit}; reply = table JSON. */
    public static final String FILES_PREVIEW = "ds.files.preview";
    /** A file's profile with the join hints that involve it: {file_id}; reply = the profile JSON. */
    public static final String FILES_PROFILE = "ds.files.profile";
    /**
     * The files a question about a file may join: {file_id}; reply = {file_id, joinable: [JoinableTable]}, one per
     * join hint from the file's column to another file's key, with that file's schema.
     */
    public static final String FILES_JOINABLE = "ds.files.joinable";
    /** A file's profile as one self-contained HTML page: {file_id}; reply = {html}. */
    public static final String FILES_PROFILE_PAGE = "ds.files.profile-page";
    /** The versions of a file (the files of its name in its project): {file_id}; reply = {name, project, versions: [...]}. */
    public static final String FILES_VERSIONS = "ds.files.versions";
    /** What changed between two versions of a file: {file_id, from?, to?}; reply = the drift report. */
    public static final String FILES_DRIFT = "ds.files.drift";
    /** Remove a file, its data and its answers: {file_id}. */
    public static final String FILES_DELETE = "ds.files.delete";

    /** Published by the node that revoked an API key: {key_id}; every node forgets the key at once. */
    public static final String AUTH_KEY_REVOKED = "ds.auth.key-revoked";

    /**
     * The event-bus bridge's one inbound address (browsers, see README, Live clients): the /ask body; reply = the
     * /ask reply. The bridge puts the tenant header on it from the sender's token.
     */
    public static final String CLIENT_ASK = "ds.client.ask";

    /**
     * Where a browser on the bridge follows one job of its tenant: it REGISTERs this address and receives the job's
     * events, written to it by the bridge. Nothing is sent or published here on the bus.
     */
    public static String clientJob(String tenant, String jobId) {
        return "ds.client." + tenant + ".job." + jobId;
    }

    /** Progress events of one job ({@code datasense.agent.JobEvent}s, published, never requested). */
    public static String jobEvents(String jobId) {
        return "ds.job." + jobId + ".events";
    }

    /**
     * Where an agent says whether it still runs a job: {job_id}; reply = {held}. Asked by another agent before it
     * adopts a job whose lease lapsed, since a lease can lapse while its agent lives (a frozen cluster member
     * holding the lease map's partition delays the renewals).
     */
    public static String agentHolds(String agent) {
        return "ds.agent." + agent + ".holds";
    }

    /** Where the workers running a job's tool calls beat while they hold one: {index, attempt, node}. */
    public static String jobAlive(String jobId) {
        return "ds.job." + jobId + ".alive";
    }
}
