package datasense.verticles.http;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.auth.Principal;
import datasense.verticles.auth.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Artifact links: which fields of an encoded reply are signed, and who may fetch what. */
class ArtifactLinksTest {

    private static final String KEY = "acme/uploads/f_1/answers/h1/charts/sales.png";
    private final PresignedUrls signer = new PresignedUrls("k");
    private final ArtifactLinks links = new ArtifactLinks(signer, true, 3600);

    @Test
    void linkFieldsAreSignedAndNothingElse() {
        JsonObject reply = new JsonObject().put("results", new JsonArray()
                .add(new JsonObject().put("type", "image").put("key", KEY).put("url", "/artifacts/" + KEY))
                .add(new JsonObject().put("type", "table").put("full_url", "/artifacts/" + KEY.replace("charts/sales.png", "results/t.csv"))
                        .put("rows", new JsonArray().add(new JsonArray().add("{\"url\":\"/artifacts/" + KEY + "\"}")))));
        JsonObject signed = new JsonObject(links.signed(reply.encode(), "acme"));
        JsonObject image = signed.getJsonArray("results").getJsonObject(0);
        assertThat(image.getString("key")).isEqualTo(KEY);
        assertThat(image.getString("url")).startsWith("/artifacts/" + KEY + "?exp=").contains("&sig=");
        String exp = image.getString("url").replaceAll(".*exp=(\\d+)&.*", "$1");
        assertThat(image.getString("url")).endsWith("&sig=" + signer.signArtifact("acme", KEY, Long.parseLong(exp)));
        JsonObject table = signed.getJsonArray("results").getJsonObject(1);
        assertThat(table.getString("full_url")).contains("?exp=").contains("&sig=");
        assertThat(table.getJsonArray("rows").getJsonArray(0).getString(0)).as("a cell's text is data").doesNotContain("sig=");
        assertThat(links.signed(links.signed(reply.encode(), "acme"), "acme")).as("signed once").isEqualTo(links.signed(reply.encode(), "acme"));
        assertThat(new ArtifactLinks(signer, false, 3600).signed(reply.encode(), "acme")).isEqualTo(reply.encode());
    }

    @Test
    void aCachedReplyIsSignedOncePerTenantAndSignedTheSameWay() {
        String reply = new JsonObject().put("results", new JsonArray()
                .add(new JsonObject().put("type", "image").put("url", "/artifacts/" + KEY))).encode();
        String first = links.signedCached(reply, "acme");
        assertThat(first).isEqualTo(links.signed(reply, "acme"));
        assertThat(links.signedCached(reply, "acme")).as("remembered").isSameAs(first);
        String other = links.signedCached(reply, "other");
        assertThat(other).as("another tenant gets its own signature").isNotEqualTo(first).isEqualTo(links.signed(reply, "other"));
        String big = new JsonObject().put("url", "/artifacts/" + KEY).put("pad", "x".repeat(20_000)).encode();
        assertThat(links.signedCached(big, "acme")).as("a large reply is signed, not kept").isNotSameAs(links.signedCached(big, "acme"))
                .isEqualTo(links.signed(big, "acme"));
    }

    @Test
    void anArtifactGoesToItsTenantOrToALinkHolderOnly() {
        Principal acme = new Principal("acme", "u", Scope.ALL);
        Principal other = new Principal("other", "u", Scope.ALL);
        long future = java.time.Instant.now().getEpochSecond() + 60;
        String sig = signer.signArtifact("acme", KEY, future);
        assertThat(links.refusal(KEY, acme, null, null)).isNull();
        assertThat(links.refusal(KEY, null, Long.toString(future), sig)).isNull();
        assertThat(links.refusal(KEY, other, null, null).status()).isEqualTo(404);
        assertThat(links.refusal(KEY, other, Long.toString(future), sig).status()).isEqualTo(403);
        assertThat(links.refusal(KEY, null, null, null).status()).isEqualTo(401);
        assertThat(links.refusal(KEY, null, Long.toString(future + 1), sig).status()).isEqualTo(403);
        assertThat(links.refusal("acme/uploads/f_1/data.csv", acme, null, null).status()).isEqualTo(404);
        Set<String> refusedKeys = Set.of("acme/uploads/f_1/manifest.json", "_index/files/f_1.json", "acme/api-keys/k.json",
                "acme/uploads/f_1/answers/h1/../../data.csv");
        refusedKeys.forEach(k -> assertThat(links.refusal(k, acme, null, null).status()).as(k).isEqualTo(404));
    }
}
