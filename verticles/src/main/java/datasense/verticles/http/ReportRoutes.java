package datasense.verticles.http;

import static datasense.verticles.http.AuthHandler.require;
import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.ReportManifest;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Reports over HTTP (README, Reports): make one, list them, read one's record, fetch its Markdown, HTML, PDF or a chart
 * beside its Markdown, delete it. The reports are the ReportVerticle's ({@code ds.reports.*}); a file is served only
 * when the tenant's report lists it (its manifest, written last, names it), read from the store by the key the
 * report's tenant and id make, so another tenant's report id is a 404 like one that never existed.
 */
final class ReportRoutes {

    private final EventBus bus;
    private final ObjectStore store;

    ReportRoutes(EventBus bus, ObjectStore store) {
        this.bus = bus;
        this.store = store;
    }

    void mount(Router router) {
        router.post("/reports").handler(require(Scope.ASK))
                .handler(ctx -> reply(ctx, 201, request(ctx, Address.REPORTS_CREATE, jsonBody(ctx), BusTimeouts.REPORT)));
        router.get("/reports").handler(require(Scope.READ))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.REPORTS_LIST, new JsonObject(), BusTimeouts.STORE)));
        router.get("/reports/:reportId").handler(require(Scope.READ))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.REPORTS_GET, reportRequest(ctx), BusTimeouts.STORE)));
        router.delete("/reports/:reportId").handler(require(Scope.ASK))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.REPORTS_DELETE, reportRequest(ctx), BusTimeouts.STORE)));
        router.get("/reports/:reportId/charts/:chart").handler(require(Scope.READ))
                .handler(ctx -> file(ctx, "charts/" + ctx.pathParam("chart")));
        router.get("/reports/:reportId/:file").handler(require(Scope.READ)).handler(ctx -> file(ctx, ctx.pathParam("file")));
    }

    /** One file of the report, when its manifest lists it; the HTML with a policy that lets it fetch nothing. */
    private void file(RoutingContext ctx, String name) {
        String tenant = tenant(ctx);
        String reportId = ctx.pathParam("reportId");
        request(ctx, Address.REPORTS_GET, reportRequest(ctx), BusTimeouts.STORE)
                .map(ReportManifest::fromJson)
                .compose(manifest -> manifest.files().contains(name) ? store.get(Keys.reportFile(tenant, reportId, name))
                        : Future.failedFuture(BusError.notFound("file", name + " of report " + reportId,
                        "a report's files are named in GET /reports/" + reportId + " (files, links)")))
                .onSuccess(bytes -> {
                    var response = ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Keys.contentType(name))
                            .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                            .putHeader("X-Content-Type-Options", "nosniff");
                    if (name.endsWith(".html")) {
                        response.putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                    }
                    if (name.endsWith(".pdf") || name.endsWith(".md")) {
                        response.putHeader("Content-Disposition", "inline; filename=\"" + reportId + "." + name.substring(name.lastIndexOf('.') + 1) + "\"");
                    }
                    response.end(bytes);
                })
                .onFailure(e -> error(ctx, e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("file", name + " of report " + reportId, null) : BusError.from(e)));
    }

    private Future<JsonObject> request(RoutingContext ctx, String address, JsonObject body, DeliveryOptions timeout) {
        return bus.<JsonObject>request(address, body, RequestIdHeader.on(TenantHeader.on(timeout, tenant(ctx)), RequestId.of(ctx)))
                .map(Message::body);
    }

    private static void reply(RoutingContext ctx, int status, Future<JsonObject> reply) {
        reply.onSuccess(body -> json(ctx, status, body)).onFailure(e -> error(ctx, BusError.from(e)));
    }

    private static JsonObject reportRequest(RoutingContext ctx) {
        return new JsonObject().put("report_id", ctx.pathParam("reportId"));
    }
}
