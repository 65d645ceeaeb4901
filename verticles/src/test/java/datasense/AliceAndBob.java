package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The live-client tests' node: authentication required, no sample data, tenant alice holding a 120-row shop file and
 * tenant bob holding nothing, each with a token.
 */
record AliceAndBob(TestNode node, String aliceToken, String bobToken, Caller alice, String aliceFile) {

    static AliceAndBob start(Vertx vertx) throws Exception {
        TestNode node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false")));
        String aliceToken = TestTokens.forTenant(vertx, "alice");
        String bobToken = TestTokens.forTenant(vertx, "bob");
        Caller alice = Caller.bearer(node, aliceToken);
        var upload = alice.uploadCsv("shop.csv", new ShopData(120).csv());
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        return new AliceAndBob(node, aliceToken, bobToken, alice, upload.bodyAsJsonObject().getString("file_id"));
    }
}
