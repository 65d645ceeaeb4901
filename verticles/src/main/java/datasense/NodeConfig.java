package datasense;

import datasense.verticles.auth.AuthSettings;
import datasense.verticles.redis.RedisSettings;
import datasense.verticles.retention.RetentionSettings;
import datasense.verticles.store.S3Settings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A node's configuration. Every setting has an embedded default, so a node runs with none; environment
 * variables override the defaults and an optional JSON config file ({@code --config file.json}, keys as
 * below in lower case) overrides the environment. {@link #SETTINGS} is the one list {@code --help} prints.
 */
public record NodeConfig(int port, Path dataDir, String openaiApiKey, String openaiBaseUrl, String model,
                         long maxUploadBytes, long maxRows, int queryTimeoutSeconds, int inlineRows,
                         int toolInstances, String signingKey, boolean sampleData, int askTimeoutSeconds,
                         String nodeName, String redisUrl, int cacheTtlSeconds, S3Settings s3, boolean cluster,
                         String clusterConfig, String clusterHost, String clusterName, Set<String> roles,
                         AuthSettings auth, boolean metrics, String logFormat, boolean requestLog, int tenantRequestsPerMinute,
                         int tenantAsksInFlight, int stopSeconds, String duckdbMemoryLimit, int presignedUrlTtlSeconds, boolean generatedBoards,
                         RetentionSettings retention, int tenantMaxConcurrentUploads, long tenantMaxStoredBytes,
                         String secretsKey, long tenantLlmTokensPerDay, String tracing) {

    /** What a node may run; a node runs every role unless told otherwise. */
    public static final Set<String> ROLES = Set.of("api", "agent", "tools", "writer", "ingest");

    public NodeConfig {
        roles = Set.copyOf(roles);
    }

    /** True when this node runs {@code role}. */
    public boolean runs(String role) {
        return roles.contains(role);
    }

    /** Setting name (environment variable), default, and what it does. */
    public record Setting(String env, String defaultValue, String help) {
    }

    public static final Map<String, Setting> SETTINGS = settings(
            new Setting("DATASENSE_PORT", "8080", "HTTP port"),
            new Setting("DATASENSE_DATA_DIR", "./data", "folder of the embedded object store"),
            new Setting("OPENAI_API_KEY", "", "enables the LLM planner when set"),
            new Setting("OPENAI_BASE_URL", "https://api.openai.com/v1", "any OpenAI-compatible endpoint"),
            new Setting("DATASENSE_MODEL", "gpt-4o-mini", "model name for the LLM planner"),
            new Setting("DATASENSE_MAX_UPLOAD_BYTES", "1073741824", "largest upload, counted decompressed"),
            new Setting("DATASENSE_MAX_ROWS", "100000", "most rows a query may return"),
            new Setting("DATASENSE_QUERY_TIMEOUT_SECONDS", "30", "time limit of one SQL statement"),
            new Setting("DATASENSE_INLINE_ROWS", "200", "rows of a result table carried inline in a reply"),
            new Setting("DATASENSE_TOOL_INSTANCES", "2", "tool worker verticle instances on this node"),
            new Setting("DATASENSE_SIGNING_KEY", "", "HMAC key of presigned upload URLs and signed artifact links (random per start when empty; the same on every node of a cluster)"),
            new Setting("DATASENSE_SAMPLE_DATA", "true", "register the generated sample orders dataset at start"),
            new Setting("DATASENSE_ASK_TIMEOUT_SECONDS", "120", "how long a synchronous /ask waits for its job"),
            new Setting("DATASENSE_NODE_NAME", "", "this node's name in job traces (host name when empty)"),
            new Setting("REDIS_URL", "", "answer cache in Redis (redis://[:password@]host:port[/db]); in-process when empty"),
            new Setting("DATASENSE_CACHE_TTL_SECONDS", "86400", "how long Redis keeps a cached answer"),
            new Setting("S3_BUCKET", "", "object store in this S3 bucket (must exist); a local folder when empty"),
            new Setting("AWS_REGION", "us-east-1", "the bucket's region"),
            new Setting("S3_ENDPOINT", "", "an S3-compatible server's URL (MinIO, S3Proxy, ...)"),
            new Setting("S3_PATH_STYLE", "", "path-style bucket URLs (default: true when S3_ENDPOINT is set)"),
            new Setting("S3_ACCESS_KEY_ID", "", "S3 credentials (default: the AWS chain, e.g. an instance role)"),
            new Setting("S3_SECRET_ACCESS_KEY", "", "S3 credentials, with S3_ACCESS_KEY_ID"),
            new Setting("S3_CACHE_MAX_BYTES", "2147483648", "local download cache of S3 objects read by DuckDB"),
            new Setting("DATASENSE_CLUSTER", "false", "join a Hazelcast cluster (also: --cluster)"),
            new Setting("DATASENSE_CLUSTER_CONFIG", "", "Hazelcast XML file (default: loopback TCP-IP members, see cluster-config/)"),
            new Setting("DATASENSE_CLUSTER_HOST", "127.0.0.1", "address this member binds and advertises on the cluster"),
            new Setting("DATASENSE_CLUSTER_NAME", "", "cluster name, overriding the member file's (keeps clusters on one network apart)"),
            new Setting("DATASENSE_ROLES", "api,agent,tools,writer,ingest", "what this node runs (comma list)"),
            new Setting("DATASENSE_AUTH", "none", "none (one local user, tenant default) or required (bearer JWT or API key on every route but /health)"),
            new Setting("DATASENSE_JWT_SECRET", "", "HS256 secret (32+ characters): verifies tokens and signs those this node mints"),
            new Setting("DATASENSE_JWT_PUBLIC_KEY", "", "an identity provider's RS256/ES256 public key: PEM text or a PEM file's path"),
            new Setting("DATASENSE_JWKS_URL", "", "an identity provider's JWKS URL (keys fetched at start, every 10 min and on an unknown kid)"),
            new Setting("DATASENSE_JWT_ISSUER", "datasense", "the iss a token must carry (and the one minted tokens carry)"),
            new Setting("DATASENSE_JWT_AUDIENCE", "datasense", "the aud a token must carry (and the one minted tokens carry)"),
            new Setting("DATASENSE_JWT_LEEWAY_SECONDS", "30", "clock skew allowed on exp, iat and nbf"),
            new Setting("DATASENSE_TENANT_CLAIM", "tenant", "the token claim naming the tenant (sub when a token lacks it)"),
            new Setting("DATASENSE_TOKEN_TTL_SECONDS", "900", "lifetime of the tokens POST /auth/token mints"),
            new Setting("DATASENSE_ARTIFACT_URL_TTL_SECONDS", "3600", "lifetime of the signed artifact URLs in replies (auth required)"),
            new Setting("DATASENSE_METRICS", "true", "Vert.x and DataSense metrics, served in Prometheus format at GET /metrics"),
            new Setting("DATASENSE_TRACING", "off", "off, or otlp: OpenTelemetry traces of HTTP requests, event-bus messages and each job's plan/act/reflect steps and tool calls, sent over OTLP/HTTP as the standard OTEL_* variables say (OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4318; OTEL_SERVICE_NAME, default datasense)"),
            new Setting("DATASENSE_LOG_FORMAT", "text", "text (one readable line per event) or json (one JSON object per line, with request_id, job_id, tenant)"),
            new Setting("DATASENSE_REQUEST_LOG", "false", "true: one INFO line per HTTP request (logger datasense.requests: method, path, status, duration, request_id, tenant)"),
            new Setting("DATASENSE_TENANT_REQUESTS_PER_MINUTE", "0", "requests a tenant may make per minute, else 429; cluster-wide with REDIS_URL, else on this node (0: no limit)"),
            new Setting("DATASENSE_TENANT_ASKS_IN_FLIGHT", "0", "questions a tenant may have answered at once, else 429; cluster-wide with REDIS_URL, else on this node (0: no limit)"),
            new Setting("DATASENSE_TENANT_LLM_TOKENS_PER_DAY", "0", "LLM tokens a tenant may spend per UTC day; past it its questions are planned offline until midnight UTC; cluster-wide with REDIS_URL, else on this node (0: no limit)"),
            new Setting("DATASENSE_DUCKDB_MEMORY_LIMIT", "1GB", "memory one query may use in DuckDB (e.g. 512MB, 4GB); a query needing more fails with a resource error"),
            new Setting("DATASENSE_PRESIGNED_URL_TTL_SECONDS", "900", "how long a presigned upload URL (POST /uploads) stays valid"),
            new Setting("DATASENSE_STOP_SECONDS", "30", "on SIGTERM, how long requests and jobs in flight get to finish (jobs still running then resume on restart, or on another node)"),
            new Setting("DATASENSE_GENERATED_BOARDS", "true", "give every uploaded file a generated board (its questions asked after the upload)"),
            new Setting("DATASENSE_JOB_RETENTION_HOURS", "168", "how long an ended job's record is kept (decimals allowed); answer artifacts no question, board or kept job names go after it too"),
            new Setting("DATASENSE_RETENTION_SWEEP_SECONDS", "3600", "how often the retention sweep runs (on one node of a cluster at a time)"),
            new Setting("DATASENSE_HISTORY_KEEP", "1000", "questions kept in each file's history, newest first (0: keep all)"),
            new Setting("DATASENSE_AUDIT_RETENTION_DAYS", "90", "whole UTC days of audit log kept before today; older day folders are deleted by the retention sweep (0: keep all)"),
            new Setting("DATASENSE_TENANT_MAX_CONCURRENT_UPLOADS", "0", "uploads a tenant may send at once on this node, else 429 (0: no limit)"),
            new Setting("DATASENSE_TENANT_MAX_STORED_BYTES", "0", "bytes a tenant may keep in the store (uploads, their copies, answers, records); an upload past it gets 413 storage_quota_exceeded (0: no limit)"),
            new Setting("DATASENSE_SECRETS_KEY", "", "key sealing projects' secrets (database passwords) at rest: 32 random bytes in base64 (openssl rand -base64 32), the same on every node; without it secrets and database sources answer 503"));

    private static Map<String, Setting> settings(Setting... all) {
        Map<String, Setting> map = new LinkedHashMap<>();
        for (Setting s : all) {
            map.put(s.env(), s);
        }
        return map;
    }

    /** Reads the environment, then the optional config file. */
    public static NodeConfig load(Map<String, String> env, Path configFile) throws java.io.IOException {
        JsonObject file = configFile == null ? new JsonObject() : new JsonObject(Files.readString(configFile));
        return from(key -> {
            String fromFile = file.containsKey(key.toLowerCase()) ? String.valueOf(file.getValue(key.toLowerCase())) : null;
            if (fromFile != null) {
                return fromFile;
            }
            String fromEnv = env.get(key);
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : SETTINGS.get(key).defaultValue();
        });
    }

    /** Defaults overridden by {@code overrides} (setting name -> value); for tests and embedding. */
    public static NodeConfig withOverrides(Map<String, String> overrides) {
        return from(key -> overrides.getOrDefault(key, SETTINGS.get(key).defaultValue()));
    }

    private static NodeConfig from(Function<String, String> get) {
        String signingKey = get.apply("DATASENSE_SIGNING_KEY");
        if (signingKey.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            signingKey = HexFormat.of().formatHex(random);
        }
        String nodeName = get.apply("DATASENSE_NODE_NAME");
        if (nodeName.isEmpty()) {
            nodeName = hostName();
        }
        return new NodeConfig(
                Integer.parseInt(get.apply("DATASENSE_PORT")),
                Path.of(get.apply("DATASENSE_DATA_DIR")).toAbsolutePath().normalize(),
                get.apply("OPENAI_API_KEY"),
                get.apply("OPENAI_BASE_URL"),
                get.apply("DATASENSE_MODEL"),
                Long.parseLong(get.apply("DATASENSE_MAX_UPLOAD_BYTES")),
                Long.parseLong(get.apply("DATASENSE_MAX_ROWS")),
                Integer.parseInt(get.apply("DATASENSE_QUERY_TIMEOUT_SECONDS")),
                Integer.parseInt(get.apply("DATASENSE_INLINE_ROWS")),
                Integer.parseInt(get.apply("DATASENSE_TOOL_INSTANCES")),
                signingKey,
                Boolean.parseBoolean(get.apply("DATASENSE_SAMPLE_DATA")),
                Integer.parseInt(get.apply("DATASENSE_ASK_TIMEOUT_SECONDS")),
                nodeName,
                get.apply("REDIS_URL"),
                Integer.parseInt(get.apply("DATASENSE_CACHE_TTL_SECONDS")),
                s3(get),
                Boolean.parseBoolean(get.apply("DATASENSE_CLUSTER")),
                get.apply("DATASENSE_CLUSTER_CONFIG"),
                get.apply("DATASENSE_CLUSTER_HOST"),
                get.apply("DATASENSE_CLUSTER_NAME"),
                roles(get.apply("DATASENSE_ROLES")),
                AuthSettings.from(get),
                Boolean.parseBoolean(get.apply("DATASENSE_METRICS")),
                logFormat(get.apply("DATASENSE_LOG_FORMAT")),
                Boolean.parseBoolean(get.apply("DATASENSE_REQUEST_LOG")),
                Integer.parseInt(get.apply("DATASENSE_TENANT_REQUESTS_PER_MINUTE")),
                Integer.parseInt(get.apply("DATASENSE_TENANT_ASKS_IN_FLIGHT")),
                Integer.parseInt(get.apply("DATASENSE_STOP_SECONDS")),
                memoryLimit(get.apply("DATASENSE_DUCKDB_MEMORY_LIMIT")),
                Integer.parseInt(get.apply("DATASENSE_PRESIGNED_URL_TTL_SECONDS")),
                Boolean.parseBoolean(get.apply("DATASENSE_GENERATED_BOARDS")),
                RetentionSettings.parse(get.apply("DATASENSE_JOB_RETENTION_HOURS"), get.apply("DATASENSE_RETENTION_SWEEP_SECONDS"),
                        get.apply("DATASENSE_HISTORY_KEEP"), get.apply("DATASENSE_AUDIT_RETENTION_DAYS")),
                nonNegative("DATASENSE_TENANT_MAX_CONCURRENT_UPLOADS", Integer.parseInt(get.apply("DATASENSE_TENANT_MAX_CONCURRENT_UPLOADS"))),
                nonNegative("DATASENSE_TENANT_MAX_STORED_BYTES", Long.parseLong(get.apply("DATASENSE_TENANT_MAX_STORED_BYTES"))),
                secretsKey(get.apply("DATASENSE_SECRETS_KEY")),
                nonNegative("DATASENSE_TENANT_LLM_TOKENS_PER_DAY", Long.parseLong(get.apply("DATASENSE_TENANT_LLM_TOKENS_PER_DAY"))),
                tracing(get.apply("DATASENSE_TRACING")));
    }

    private static S3Settings s3(Function<String, String> get) {
        if (get.apply("S3_BUCKET").isBlank()) {
            return null;
        }
        Map<String, String> env = new HashMap<>();
        for (String key : List.of("S3_BUCKET", "AWS_REGION", "S3_ENDPOINT", "S3_PATH_STYLE", "S3_ACCESS_KEY_ID",
                "S3_SECRET_ACCESS_KEY", "S3_CACHE_MAX_BYTES")) {
            env.put(key, get.apply(key));
        }
        return S3Settings.fromEnv(env);
    }

    /** A DuckDB memory size: a number and a unit (KB, MB, GB, ...), checked here so a typo fails the start, not a query. */
    private static String memoryLimit(String value) {
        String limit = value.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (!limit.matches("[0-9]+(\\.[0-9]+)?(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)")) {
            throw new IllegalArgumentException("DATASENSE_DUCKDB_MEMORY_LIMIT: '" + value + "' is not a size such as 512MB or 4GB");
        }
        return limit;
    }

    /** The secrets key as given, checked here (never quoted) so a malformed key fails the start, not a request. */
    private static String secretsKey(String value) {
        datasense.verticles.secrets.SecretStore.boxOf(value);
        return value == null ? "" : value.strip();
    }

    /** The box sealing secrets, or null when no key is configured. */
    public datasense.verticles.secrets.SecretBox secretBox() {
        return datasense.verticles.secrets.SecretStore.boxOf(secretsKey);
    }

    private static <N extends Number> N nonNegative(String setting, N value) {
        if (value.longValue() < 0) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is negative (0 means no limit)");
        }
        return value;
    }

    private static String tracing(String value) {
        String tracing = value.trim().toLowerCase(Locale.ROOT);
        if (!tracing.equals("off") && !tracing.equals("otlp")) {
            throw new IllegalArgumentException("DATASENSE_TRACING: '" + value + "' is neither off nor otlp");
        }
        return tracing;
    }

    /** True when spans go out over OTLP ({@code DATASENSE_TRACING=otlp}). */
    public boolean tracingEnabled() {
        return "otlp".equals(tracing);
    }

    private static String logFormat(String value) {
        String format = value.trim().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("DATASENSE_LOG_FORMAT: '" + value + "' is neither text nor json");
        }
        return format;
    }

    private static Set<String> roles(String list) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : list.split(",")) {
            String r = role.trim().toLowerCase(Locale.ROOT);
            if (r.isEmpty()) {
                continue;
            }
            if (!ROLES.contains(r)) {
                throw new IllegalArgumentException("DATASENSE_ROLES: unknown role '" + r + "' (known: api, agent, tools, writer, ingest)");
            }
            roles.add(r);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("DATASENSE_ROLES names no role (known: api, agent, tools, writer, ingest)");
        }
        return roles;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }

    /** True when an LLM endpoint is configured. */
    public boolean llmEnabled() {
        return !openaiApiKey.isEmpty();
    }

    /** The same configuration joining a cluster (the --cluster flag). */
    public NodeConfig clustered() {
        return new NodeConfig(port, dataDir, openaiApiKey, openaiBaseUrl, model, maxUploadBytes, maxRows,
                queryTimeoutSeconds, inlineRows, toolInstances, signingKey, sampleData, askTimeoutSeconds, nodeName,
                redisUrl, cacheTtlSeconds, s3, true, clusterConfig, clusterHost, clusterName, roles, auth, metrics, logFormat, requestLog,
                tenantRequestsPerMinute, tenantAsksInFlight, stopSeconds, duckdbMemoryLimit, presignedUrlTtlSeconds, generatedBoards,
                retention, tenantMaxConcurrentUploads, tenantMaxStoredBytes, secretsKey, tenantLlmTokensPerDay, tracing);
    }

    /** The Redis cache settings, or null for the in-process cache. */
    public RedisSettings redis() {
        return redisUrl.isBlank() ? null : new RedisSettings(redisUrl, Duration.ofSeconds(cacheTtlSeconds));
    }
}
