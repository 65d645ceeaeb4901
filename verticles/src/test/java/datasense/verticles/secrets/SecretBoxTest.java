package datasense.verticles.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static String key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void aSealedValueOpensOnlyForItsTenantNameAndKey() {
        SecretBox box = SecretBox.fromBase64(key(7));
        byte[] sealed = box.seal("acme", "pg", "hunter2-Password");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        assertThat(box.open("acme", "pg", sealed)).isEqualTo("hunter2-Password");
        assertThat(box.seal("acme", "pg", "hunter2-Password")).isNotEqualTo(sealed); // a fresh nonce each time

        assertThatThrownBy(() -> box.open("other", "pg", sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("acme", "pg2", sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBox.fromBase64(key(8)).open("acme", "pg", sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open("acme", "pg", tampered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> SecretBox.fromBase64("not base64!")).hasMessageContaining("openssl rand -base64 32");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretBox.fromBase64(short16)).hasMessageContaining("16 bytes").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> SecretBox.fromBase64(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyTextRoundTripsAndBytesTooShortToBeSealedAreRefused() {
        SecretBox box = SecretBox.fromBase64(key(3));
        for (String value : new String[] {"", "pässwörd 密码 🔑", "x".repeat(10_000)}) {
            assertThat(box.open("t", "n", box.seal("t", "n", value))).isEqualTo(value);
        }
        assertThatThrownBy(() -> box.open("t", "n", new byte[27])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
    }
}
