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

    void mount(Router router) {
        router.post("/api-keys").handler(enabled()).handler(require(Scope.ADMIN)).handler(this::create);
        router.get("/api-keys").handler(enabled()).handler(require(Scope.ADMIN)).handler(this::list);
        router.delete("/api-keys/:keyId").handler(enabled()).handler(require(Scope.ADMIN)).handler(this::revoke);
        router.post("/auth/token").handler(enabled()).handler(this::token);
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
        JsonObject body = jsonBody(ctx);
        Principal principal = AuthHandler.principal(ctx);
        Set<Scope> scopes;
        try {
            scopes = requested(body.getValue("scopes"), principal, Scope.USER);
        } catch (BusError e) {
            error(ctx, e);
            return;
        }
        Long ttl = body.getLong("expires_in_seconds");
        Instant expiresAt = ttl == null ? null : Instant.now().plusSeconds(ttl);
        String name = body.getString("name", "").isBlank() ? "key" : body.getString("name").trim();
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
        JsonObject body = jsonBody(ctx);
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

    /**
     * The scopes a body asks for (a list or a string of names, which the document's schema keeps to known, non-empty
     * ones), at most the principal's; {@code fallback} when none.
     */
    private static Set<Scope> requested(Object value, Principal principal, Set<Scope> fallback) {
        if (value == null) {
            EnumSet<Scope> granted = EnumSet.noneOf(Scope.class);
            fallback.stream().filter(principal::can).forEach(granted::add);
            return granted;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof String s) {
            names.addAll(List.of(s.trim().split("[\\s,]+")));
        } else {
            ((JsonArray) value).forEach(v -> names.add((String) v));
        }
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            Scope scope = Scope.of(name);
            if (!principal.can(scope)) {
                throw new BusError(403, "insufficient_scope", "you cannot grant '" + name + "': your credential lacks it", null);
            }
            scopes.add(scope);
        }
        return scopes;
    }
}
