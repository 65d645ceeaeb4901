package datasense.verticles.auth;

import java.util.Set;

/**
 * Who a request acts for, decided once from its credential by {@link Authenticator}: the tenant whose data it
 * may touch, the subject (a user of the identity provider, {@code key:<id>} for an API key, {@code local} when
 * authentication is off) and what it may do. Handlers read it; they never take a tenant from a body.
 */
public record Principal(String tenant, String subject, Set<Scope> scopes) {

    /** The tenant of a node without authentication: one local user who may do everything. */
    public static final String LOCAL_TENANT = "default";
    public static final Principal LOCAL = new Principal(LOCAL_TENANT, "local", Scope.ALL);

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean can(Scope scope) {
        return scopes.contains(scope);
    }
}
