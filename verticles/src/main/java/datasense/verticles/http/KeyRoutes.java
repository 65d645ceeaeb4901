package datasense.verticles.http;

import static datasense.verticles.http.AuthHandler.require;
import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.verticles.auth.ApiKeys;
import datasense.verticles.auth.Authenticator;
import datasense.verticles.auth.Principal;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Audit;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * API keys and tokens: {@code POST /api-keys} makes a key of the caller's tenant (shown once), {@code GET /api-keys}
 * lists them, {@code DELETE /api-keys/{id}} revokes one (every node refuses it within a second); all three need the
 * {@code admin} scope, and a key never gets a scope its maker lacks. {@code POST /auth/token} exchanges an API key
 * for a short-lived JWT with the key's tenant and scopes, which is what a browser holds; {@code GET /auth/whoami}
 * says whom any credential stands for. With authentication off
 * there is nothing to manage and these routes say so.
 */
final class KeyRoutes {

    private final Authenticator authenticator;
    private final ApiKeys keys;

    private final EventBus bus;

    KeyRoutes(Authenticator authenticator, ApiKeys keys, EventBus bus) {
        this.bus = bus;
        this.authenticator = authenticator;
        this.keys = keys;
    }

    void mount(Router router, BodyHandler json) {
        router.post("/api-keys").handler(json).handler(enabled()).handler(require(Scope.ADMIN)).handler(this::create);
        router.get("/api-keys").handler(enabled()).handler(require(Scope.ADMIN)).handler(this::list);
        router.delete("/api-keys/:keyId").handler(enabled()).handler(require(Scope.ADMIN)).handler(this::revoke);
        router.post("/auth/token").handler(json).handler(enabled()).handler(this::token);
        router.get("/auth/whoami").handler(this::whoami);
    }

    /**
     * Who the credential presented is: its tenant, subject and scopes. How a page that arrives with an identity
     * provider's token learns, before anything else, whether this node accepts it and for which tenant.
     */
    private void whoami(RoutingContext ctx) {
        Principal principal = AuthHandler.principal(ctx);
        json(ctx, 200, new JsonObject().put("tenant", principal.tenant()).put("subject", principal.subject())
                .put("scopes", new JsonArray(principal.scopes().stream().sorted().map(Scope::wire).toList()))
                .put("auth", authenticator.required() ? "required" : "none"));
    }

    private Handler<RoutingContext> enabled() {
        return ctx -> {
            if (authenticator.required()) {
                ctx.next();
            } else {
                error(ctx, BusError.badRequest("auth_disabled", "authentication is off (DATASENSE_AUTH=none): there are no keys or tokens",
                        "start the node with DATASENSE_AUTH=required"));
            }
        };
    }

    private void create(RoutingContext ctx) {
        JsonObject body = ctx.body().isEmpty() ? new JsonObject() : jsonBody(ctx);
        if (body == null) {
            return;
        }
        Principal principal = AuthHandler.principal(ctx);
        Set<Scope> scopes;
        Instant expiresAt;
        try {
            scopes = requested(body.getValue("scopes"), principal, Scope.USER);
            Object ttl = body.getValue("expires_in_seconds");
            if (ttl != null && !(ttl instanceof Number n && n.longValue() > 0)) {
                throw BusError.badRequest("bad_request", "expires_in_seconds must be a positive number", "leave it out for a key that does not expire");
            }
            expiresAt = ttl == null ? null : Instant.now().plusSeconds(((Number) ttl).longValue());
        } catch (BusError e) {
            error(ctx, e);
            return;
        }
        String name = body.getValue("name") instanceof String s && !s.isBlank() ? s.trim() : "key";
        if (name.length() > 100) {
            error(ctx, BusError.badRequest("bad_request", "name is longer than 100 characters", null));
            return;
        }
        keys.create(principal.tenant(), name, scopes, expiresAt)
                .onSuccess(created -> {
                    JsonObject listed = Json.toJson(created.record().listed());
                    Audit.record(bus, principal.tenant(), "api_key.create", principal.subject(), new JsonObject()
                            .put("key_id", listed.getValue("key_id")).put("name", name).put("scopes", listed.getValue("scopes"))
                            .put("expires_at", listed.getValue("expires_at")));
                    json(ctx, 201, listed.put("key", created.key()));
                })
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private void list(RoutingContext ctx) {
        keys.list(tenant(ctx))
                .onSuccess(list -> {
                    JsonArray out = new JsonArray();
                    list.forEach(k -> out.add(Json.toJson(k)));
                    json(ctx, 200, new JsonObject().put("api_keys", out));
                })
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private void revoke(RoutingContext ctx) {
        String keyId = ctx.pathParam("keyId");
        keys.revoke(tenant(ctx), keyId)
                .onSuccess(v -> {
                    Audit.record(bus, tenant(ctx), "api_key.revoke", AuthHandler.principal(ctx).subject(), new JsonObject().put("key_id", keyId));
                    json(ctx, 200, new JsonObject().put("key_id", keyId).put("revoked", true));
                })
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** An API key (in the Authorization header) for a JWT with its tenant and scopes, or fewer when asked. */
    private void token(RoutingContext ctx) {
        Principal principal = AuthHandler.principal(ctx);
        if (principal == null || !principal.subject().startsWith("key:")) {
            error(ctx, BusError.badRequest("api_key_required", "POST /auth/token exchanges an API key for a token",
                    "send Authorization: ApiKey dsk_... (or Bearer dsk_...)"));
            return;
        }
        JsonObject body = ctx.body().isEmpty() ? new JsonObject() : jsonBody(ctx);
        if (body == null) {
            return;
        }
        try {
            Set<Scope> scopes = requested(body.getValue("scopes"), principal, principal.scopes());
            int maxTtl = authenticator.settings().tokenTtlSeconds();
            int ttl = body.getValue("ttl_seconds") instanceof Number n ? (int) Math.max(1, Math.min(maxTtl, n.longValue())) : maxTtl;
            String token = authenticator.mint(new Principal(principal.tenant(), principal.subject(), scopes), ttl);
            json(ctx, 200, new JsonObject().put("token", token).put("token_type", "Bearer").put("expires_in", ttl)
                    .put("tenant", principal.tenant()).put("scopes", new JsonArray(scopes.stream().sorted().map(Scope::wire).toList())));
        } catch (BusError e) {
            error(ctx, e);
        }
    }

    /** The scopes a body asks for (a list or a space-separated string), at most the principal's; {@code fallback} when none. */
    private static Set<Scope> requested(Object value, Principal principal, Set<Scope> fallback) {
        if (value == null) {
            EnumSet<Scope> granted = EnumSet.noneOf(Scope.class);
            fallback.stream().filter(principal::can).forEach(granted::add);
            return granted;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof String s) {
            names.addAll(List.of(s.trim().split("[\\s,]+")));
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> names.add(String.valueOf(v)));
        } else {
            throw BusError.badRequest("bad_scopes", "scopes must be a list of read, ask, upload, admin", null);
        }
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            Scope scope = Scope.of(name);
            if (scope == null) {
                throw BusError.badRequest("bad_scopes", "unknown scope '" + name + "'", "scopes are read, ask, upload and admin");
            }
            if (!principal.can(scope)) {
                throw new BusError(403, "insufficient_scope", "you cannot grant '" + name + "': your credential lacks it", null);
            }
            scopes.add(scope);
        }
        if (scopes.isEmpty()) {
            throw BusError.badRequest("bad_scopes", "no scope asked for", "ask for at least one of read, ask, upload, admin");
        }
        return scopes;
    }
}
