package datasense.verticles.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** S3 settings from environment variables, their defaults and checks, and a toString that hides the secret. */
class S3SettingsTest {

    @Test
    void readsAnS3CompatibleServerFromTheEnvironment() {
        S3Settings s = S3Settings.fromEnv(Map.of(
                "S3_BUCKET", "ds", "AWS_REGION", "eu-west-3", "S3_ENDPOINT", "http://127.0.0.1:9000",
                "S3_ACCESS_KEY_ID", "AK", "S3_SECRET_ACCESS_KEY", "very-secret",
                "S3_CACHE_MAX_BYTES", "1048576", "S3_CACHE_PIN_SECONDS", "30"));

        assertThat(s.bucket()).isEqualTo("ds");
        assertThat(s.region()).isEqualTo("eu-west-3");
        assertThat(s.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(s.pathStyle()).isTrue(); // defaults on with an endpoint
        assertThat(s.cacheMaxBytes()).isEqualTo(1_048_576);
        assertThat(s.cachePin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.credentialsProvider()).isInstanceOf(StaticCredentialsProvider.class);
        assertThat(s.credentialsProvider().resolveCredentials().secretAccessKey()).isEqualTo("very-secret");
        assertThat(s.toString()).contains("AK").doesNotContain("very-secret");
    }

    @Test
    void awsDefaultsUseTheDefaultChainAndVirtualHostedBuckets() {
        S3Settings s = S3Settings.fromEnv(Map.of("S3_BUCKET", "ds", "S3_PATH_STYLE", " "));

        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.endpoint()).isNull();
        assertThat(s.pathStyle()).isFalse();
        assertThat(s.cacheMaxBytes()).isEqualTo(S3Settings.DEFAULT_CACHE_MAX_BYTES);
        assertThat(s.cachePin()).isEqualTo(S3Settings.DEFAULT_CACHE_PIN);
        assertThat(s.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(S3Settings.fromEnv(Map.of("S3_BUCKET", "ds", "S3_ENDPOINT", "http://h:1", "S3_PATH_STYLE", "false"))
                .pathStyle()).isFalse();
    }

    @Test
    void rejectsMissingBucketHalfCredentialsAndABadCacheBound() {
        assertThatThrownBy(() -> S3Settings.fromEnv(Map.of())).hasMessageContaining("bucket");
        assertThatThrownBy(() -> S3Settings.fromEnv(Map.of("S3_BUCKET", "ds", "S3_ACCESS_KEY_ID", "AK")))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> S3Settings.of("ds", "us-east-1").withCache(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
