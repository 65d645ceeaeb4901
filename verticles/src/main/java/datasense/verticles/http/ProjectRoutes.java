package datasense.verticles.http;

import static datasense.verticles.http.AuthHandler.require;
import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.Audit;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * Projects over HTTP (README, Projects): make, list, read, delete a project and list its runs. The projects are the
 * ProjectVerticle's ({@code ds.projects.*}); making and deleting one needs the {@code upload} scope (a project holds
 * files, and deleting it deletes them), and each is in the tenant's audit log. A delete changes the tenant's stored
 * bytes, so its count is taken again.
 */
final class ProjectRoutes {

    private final EventBus bus;
    private final Consumer<String> storedBytesChanged;

    ProjectRoutes(EventBus bus, Consumer<String> storedBytesChanged) {
        this.bus = bus;
        this.storedBytesChanged = storedBytesChanged;
    }

    void mount(Router router) {
        router.post("/projects").handler(require(Scope.UPLOAD)).handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            reply(ctx, 201, request(ctx, Address.PROJECTS_CREATE, new JsonObject().put("name", body.getValue("name"))
                    .put("description", body.getValue("description")), BusTimeouts.STORE)
                    .onSuccess(project -> audit(ctx, "project.create", new JsonObject().put("project_id", project.getString("project_id"))
                            .put("name", project.getString("name")))));
        });
        router.get("/projects").handler(require(Scope.READ))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.PROJECTS_LIST, new JsonObject(), BusTimeouts.PROJECT)));
        router.get("/projects/:projectId").handler(require(Scope.READ))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.PROJECTS_CONTENTS, projectRequest(ctx), BusTimeouts.PROJECT)));
        router.delete("/projects/:projectId").handler(require(Scope.UPLOAD)).handler(ctx -> {
            String tenant = tenant(ctx);
            reply(ctx, 200, request(ctx, Address.PROJECTS_DELETE, projectRequest(ctx), BusTimeouts.PROJECT)
                    .onComplete(done -> storedBytesChanged.accept(tenant))
                    .onSuccess(deleted -> audit(ctx, "project.delete", new JsonObject().put("project_id", deleted.getString("project_id"))
                            .put("files", deleted.getJsonArray("files").size()).put("reports", deleted.getJsonArray("reports").size()))));
        });
        router.get("/projects/:projectId/runs").handler(require(Scope.READ))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.PROJECTS_RUNS,
                        projectRequest(ctx).put("limit", ctx.request().getParam("limit")), BusTimeouts.PROJECT)));
    }

    private void audit(RoutingContext ctx, String action, JsonObject details) {
        Audit.record(bus, tenant(ctx), action, AuthHandler.principal(ctx).subject(), details);
    }

    private Future<JsonObject> request(RoutingContext ctx, String address, JsonObject body, DeliveryOptions timeout) {
        return bus.<JsonObject>request(address, body, RequestIdHeader.on(TenantHeader.on(timeout, tenant(ctx)), RequestId.of(ctx)))
                .map(Message::body);
    }

    private static void reply(RoutingContext ctx, int status, Future<JsonObject> reply) {
        reply.onSuccess(body -> json(ctx, status, body)).onFailure(e -> error(ctx, BusError.from(e)));
    }

    private static JsonObject projectRequest(RoutingContext ctx) {
        return new JsonObject().put("project_id", ctx.pathParam("projectId"));
    }
}
