package datasense.verticles.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datasense.verticles.bus.BusError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SourceRoutesTest {

    private static JsonObject body() {
        return new JsonObject().put("url", "postgresql://analyst@db.internal:5432/shop").put("password_secret", "shop_pg")
                .put("tables", new JsonArray().add("public.orders"));
    }

    private static BusError refused(JsonObject body) {
        BusError e = catchThrowableOfType(BusError.class, () -> SourceRoutes.postgresRequest(body));
        assertThat(e).as(body.encode()).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    @Test
    void aGoodBodyGetsTheDatabaseAsItsNameAndTheDefaultProject() {
        JsonObject request = SourceRoutes.postgresRequest(body());
        assertThat(request.getString("name")).isEqualTo("shop");
        assertThat(request.getString("project")).isEqualTo("default");
        assertThat(request.getJsonArray("tables")).containsExactly("public.orders");
        assertThat(request.containsKey("query")).isFalse();

        JsonObject query = body().put("name", "totals").put("project", "p_0123456789ab");
        query.remove("tables");
        JsonObject asked = SourceRoutes.postgresRequest(query.put("query", "select 1"));
        assertThat(asked.getString("query")).isEqualTo("select 1");
        assertThat(asked.getString("name")).isEqualTo("totals");
        assertThat(asked.getString("project")).isEqualTo("p_0123456789ab");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutQuotingIt() {
        BusError e = refused(body().put("url", "postgresql://analyst:Sup3r-secret@db.internal:5432/shop"));
        assertThat(e.code()).isEqualTo("password_in_url");
        assertThat(e.body().encode()).doesNotContain("Sup3r-secret");
        assertThat(refused(body().put("url", "postgresql://analyst:@db.internal/shop")).code()).isEqualTo("password_in_url");
    }

    /** Secrets, tables and queries of the wrong shape are the document's schema's to refuse (RequestValidationTest). */
    @Test
    void badUrlsAreRefused() {
        assertThat(refused(body().put("url", "mysql://analyst@db/shop")).code()).isEqualTo("source_refused");
        assertThat(refused(body().put("url", "postgresql://db.internal/shop")).code()).isEqualTo("source_refused");
        assertThat(refused(body().put("url", "postgresql://a@db/shop?sslmode=disable")).code()).isEqualTo("source_refused");
        assertThat(refused(body().put("url", "not a url")).code()).isEqualTo("source_refused");
    }
}
