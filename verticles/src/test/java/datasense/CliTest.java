package datasense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's commands: what they print, where an API key lands, and what they refuse. */
class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Cli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anApiKeyGoesToTheStoreAsAHashAndIsPrintedOnce() throws Exception {
        Path data = TempFolders.create("datasense-cli");
        assertThat(run(Map.of("DATASENSE_DATA_DIR", data.toString()), "api-key", "create", "--tenant", "acme", "--scopes", "read,ask"))
                .as(err.toString()).isZero();
        String key = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(key).matches("dsk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        Path record = data.resolve("acme/api-keys/" + key.substring(4, 20) + ".json");
        assertThat(Files.readString(record)).doesNotContain(key).contains("\"scopes\":[\"read\",\"ask\"]").contains("\"hash\"");
        assertThat(err.toString()).doesNotContain(key);
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThat(run(Map.of(), "token", "--tenant", "acme")).as("no secret to sign with").isEqualTo(2);
        assertThat(run(Map.of(), "api-key", "create")).as("no tenant").isEqualTo(2);
        assertThat(run(Map.of(), "api-key", "create", "--tenant", "_index")).as("not a tenant").isEqualTo(2);
        assertThat(run(Map.of(), "api-key", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("usage:");
        assertThat(Cli.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Cli.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Cli.duration("30d")).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> Cli.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
