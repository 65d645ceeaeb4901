package datasense.verticles.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datasense.verticles.bus.BusError;
import datasense.verticles.store.Keys;
import datasense.verticles.store.LocalObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecretStoreTest {

    private static final String VALUE = "Hunter2-the-Pa55word";
    private final Vertx vertx = Vertx.vertx();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private static SecretBox box() {
        byte[] key = new byte[32];
        key[0] = 42;
        return SecretBox.fromBase64(Base64.getEncoder().encodeToString(key));
    }

    private static BusError failure(Future<?> future) {
        return catchThrowableOfType(BusError.class, future::await);
    }

    @Test
    void aSecretIsStoredSealedListedByNameOpenedAndDeleted() throws Exception {
        LocalObjectStore store = new LocalObjectStore(vertx, dir);
        SecretStore secrets = new SecretStore(store, box());
        secrets.put("acme", "default", "pg", "first").await();
        secrets.put("acme", "default", "pg", VALUE).await(); // replaced
        secrets.put("acme", "default", "warehouse", "other").await();

        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(VALUE).doesNotContain("first");
            }
        }
        JsonObject list = secrets.list("acme", "default").await();
        assertThat(list.getJsonArray("secrets")).hasSize(2);
        assertThat(list.getJsonArray("secrets").getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("name", "updated_at");
        assertThat(list.getJsonArray("secrets").getJsonObject(0).getString("name")).isEqualTo("pg");
        assertThat(list.encode()).doesNotContain(VALUE);
        assertThat(secrets.open("acme", "default", "pg").await()).isEqualTo(VALUE);

        assertThat(secrets.list("globex", "default").await().getJsonArray("secrets")).isEmpty();
        assertThat(failure(secrets.open("globex", "default", "pg")).code()).isEqualTo("secret_not_found");

        secrets.delete("acme", "default", "pg").await();
        assertThat(failure(secrets.open("acme", "default", "pg")).status()).isEqualTo(404);
        assertThat(failure(secrets.delete("acme", "default", "pg")).code()).isEqualTo("secret_not_found");
        assertThat(secrets.open("acme", "default", "warehouse").await()).isEqualTo("other");
    }

    @Test
    void aSealedRecordCopiedToAnotherProjectOrNameDoesNotOpen() throws Exception {
        LocalObjectStore store = new LocalObjectStore(vertx, dir);
        SecretStore secrets = new SecretStore(store, box());
        secrets.put("acme", "p_0123456789ab", "pg", VALUE).await();
        var sealed = store.get(Keys.secret("acme", "p_0123456789ab", "pg")).await();
        store.put(Keys.secret("acme", "default", "pg"), sealed).await();
        store.put(Keys.secret("acme", "p_0123456789ab", "pg2"), sealed).await();

        BusError moved = failure(secrets.open("acme", "default", "pg"));
        assertThat(moved.status()).isEqualTo(500);
        assertThat(moved.getMessage()).doesNotContain(VALUE);
        assertThat(failure(secrets.open("acme", "p_0123456789ab", "pg2")).code()).isEqualTo("secret_unreadable");
        assertThat(secrets.open("acme", "p_0123456789ab", "pg").await()).isEqualTo(VALUE);
    }

    @Test
    void withoutAKeyPutAndOpenSay503WithHowToSetOneAndNamesAreChecked() throws Exception {
        SecretStore none = new SecretStore(new LocalObjectStore(vertx, dir), SecretStore.boxOf(""));
        assertThat(none.configured()).isFalse();
        BusError put = failure(none.put("acme", "default", "pg", VALUE));
        assertThat(put.status()).isEqualTo(503);
        assertThat(put.body().getString("hint")).contains("DATASENSE_SECRETS_KEY").contains("openssl rand -base64 32");
        assertThat(failure(none.open("acme", "default", "pg")).status()).isEqualTo(503);

        SecretStore secrets = new SecretStore(new LocalObjectStore(vertx, dir), box());
        for (String bad : new String[] {"", "a.b", "../x", "a/b", "x".repeat(65), "a b"}) {
            assertThat(SecretStore.validName(bad)).as(bad).isFalse();
            assertThat(failure(secrets.put("acme", "default", bad, VALUE)).status()).as(bad).isEqualTo(400);
        }
        assertThat(SecretStore.validName("Shop_PG-2")).isTrue();
        assertThat(SecretStore.validName(null)).isFalse();
    }
}
