package datasense.verticles.store;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where and how {@link S3ObjectStore} reaches its bucket, and how much local disk its download cache may use.
 *
 * @param bucket          the bucket holding every key of {@link Keys}
 * @param region          the AWS region (S3-compatible servers usually accept any, e.g. {@code us-east-1})
 * @param endpoint        an S3-compatible server (MinIO, S3Proxy, R2...), or null for AWS itself
 * @param pathStyle       address the bucket as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key};
 *                        most S3-compatible servers need it
 * @param accessKeyId     explicit credentials, or null to use the SDK's default provider chain
 *                        (environment, system properties, profile, container/instance role)
 * @param secretAccessKey the secret of {@code accessKeyId}; both or neither
 * @param cacheMaxBytes   soft bound of the local download cache, see {@link LocalFileCache}
 * @param cachePin        how long a path handed out by {@code localPath} is protected from eviction
 */
public record S3Settings(String bucket, String region, URI endpoint, boolean pathStyle,
                         String accessKeyId, String secretAccessKey, long cacheMaxBytes, Duration cachePin) {

    /** 2 GiB: a few hot Parquet copies of typical uploads. */
    public static final long DEFAULT_CACHE_MAX_BYTES = 2L << 30;
    /** Longer than any query timeout, so DuckDB never finds its file gone between opening passes. */
    public static final Duration DEFAULT_CACHE_PIN = Duration.ofMinutes(10);

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("S3 bucket is required");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("AWS region is required");
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("give both the S3 access key id and secret, or neither");
        }
        if (cacheMaxBytes <= 0) {
            throw new IllegalArgumentException("cache max bytes must be positive: " + cacheMaxBytes);
        }
        if (cachePin == null || cachePin.isNegative()) {
            throw new IllegalArgumentException("cache pin must be zero or positive");
        }
    }

    /** AWS S3 with the default credential chain and the default cache. */
    public static S3Settings of(String bucket, String region) {
        return new S3Settings(bucket, region, null, false, null, null, DEFAULT_CACHE_MAX_BYTES, DEFAULT_CACHE_PIN);
    }

    /**
     * Settings from environment-style variables: {@code S3_BUCKET}, {@code AWS_REGION} (default us-east-1),
     * optional {@code S3_ENDPOINT}, {@code S3_PATH_STYLE} (true/false; defaults to true when an endpoint is set),
     * {@code S3_ACCESS_KEY_ID} + {@code S3_SECRET_ACCESS_KEY} (otherwise the default chain, which itself reads
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}), {@code S3_CACHE_MAX_BYTES}, {@code S3_CACHE_PIN_SECONDS}.
     */
    public static S3Settings fromEnv(Map<String, String> env) {
        String endpoint = blankToNull(env.get("S3_ENDPOINT"));
        String pathStyle = blankToNull(env.get("S3_PATH_STYLE"));
        String maxBytes = blankToNull(env.get("S3_CACHE_MAX_BYTES"));
        String pin = blankToNull(env.get("S3_CACHE_PIN_SECONDS"));
        String region = blankToNull(env.get("AWS_REGION"));
        return new S3Settings(
                env.get("S3_BUCKET"),
                region == null ? "us-east-1" : region,
                endpoint == null ? null : URI.create(endpoint),
                pathStyle == null ? endpoint != null : Boolean.parseBoolean(pathStyle.toLowerCase(Locale.ROOT)),
                blankToNull(env.get("S3_ACCESS_KEY_ID")),
                blankToNull(env.get("S3_SECRET_ACCESS_KEY")),
                maxBytes == null ? DEFAULT_CACHE_MAX_BYTES : Long.parseLong(maxBytes),
                pin == null ? DEFAULT_CACHE_PIN : Duration.ofSeconds(Long.parseLong(pin)));
    }

    /** The same settings against an S3-compatible server. */
    public S3Settings withEndpoint(URI endpoint, boolean pathStyle) {
        return new S3Settings(bucket, region, endpoint, pathStyle, accessKeyId, secretAccessKey, cacheMaxBytes, cachePin);
    }

    /** The same settings with explicit credentials instead of the default chain. */
    public S3Settings withCredentials(String accessKeyId, String secretAccessKey) {
        return new S3Settings(bucket, region, endpoint, pathStyle, accessKeyId, secretAccessKey, cacheMaxBytes, cachePin);
    }

    /** The same settings with another cache bound and pin time. */
    public S3Settings withCache(long maxBytes, Duration pin) {
        return new S3Settings(bucket, region, endpoint, pathStyle, accessKeyId, secretAccessKey, maxBytes, pin);
    }

    /** Static credentials when given, otherwise the SDK's default chain. */
    public AwsCredentialsProvider credentialsProvider() {
        return accessKeyId != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey))
                : DefaultCredentialsProvider.builder().build();
    }

    /** Never prints the secret (records print every component by default, and settings end up in logs). */
    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle
                + ", credentials=" + (accessKeyId == null ? "default-chain" : accessKeyId + "/***")
                + ", cacheMaxBytes=" + cacheMaxBytes + ", cachePin=" + cachePin + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
