package datasense;

import datasense.verticles.redis.RedisSettings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A node's configuration. Every setting has an embedded default, so a node runs with none; environment
 * variables override the defaults and an optional JSON config file ({@code --config file.json}, keys as
 * below in lower case) overrides the environment. {@link #SETTINGS} is the one list {@code --help} prints.
 */
public record NodeConfig(int port, Path dataDir, String openaiApiKey, String openaiBaseUrl, String model,
                         long maxUploadBytes, long maxRows, int queryTimeoutSeconds, int inlineRows,
                         int toolInstances, String signingKey, boolean sampleData, int askTimeoutSeconds,
                         String nodeName, String redisUrl, int cacheTtlSeconds) {

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
            new Setting("DATASENSE_SIGNING_KEY", "", "HMAC key of presigned upload URLs (random per start when empty)"),
            new Setting("DATASENSE_SAMPLE_DATA", "true", "register the generated sample orders dataset at start"),
            new Setting("DATASENSE_ASK_TIMEOUT_SECONDS", "120", "how long a synchronous /ask waits for its job"),
            new Setting("DATASENSE_NODE_NAME", "", "this node's name in job traces (host name when empty)"),
            new Setting("REDIS_URL", "", "answer cache in Redis (redis://[:password@]host:port[/db]); in-process when empty"),
            new Setting("DATASENSE_CACHE_TTL_SECONDS", "86400", "how long Redis keeps a cached answer"));

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
                Integer.parseInt(get.apply("DATASENSE_CACHE_TTL_SECONDS")));
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

    /** The Redis cache settings, or null for the in-process cache. */
    public RedisSettings redis() {
        return redisUrl.isBlank() ? null : new RedisSettings(redisUrl, Duration.ofSeconds(cacheTtlSeconds));
    }
}
