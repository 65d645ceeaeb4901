package datasense.verticles.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a credential may do: {@code read} the catalog, answers, jobs and artifacts; {@code ask} questions (and
 * re-run or forget them); {@code upload} and delete files; {@code admin} manage the tenant's API keys.
 */
public enum Scope {
    READ, ASK, UPLOAD, ADMIN;

    /** What a user of a tenant may do when the token names none of our scopes. */
    public static final Set<Scope> USER = Set.copyOf(EnumSet.of(READ, ASK, UPLOAD));
    public static final Set<Scope> ALL = Set.copyOf(EnumSet.allOf(Scope.class));

    /** The name on the wire and in tokens: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named {@code name}, or null when it is none of ours. */
    public static Scope of(String name) {
        for (Scope s : values()) {
            if (s.wire().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The scopes named in {@code names} (unknown names skipped, as an identity provider's token carries scopes of
     * other services too).
     */
    public static Set<Scope> known(Collection<String> names) {
        EnumSet<Scope> out = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            Scope s = of(name);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The scopes as a space-separated list, the OAuth {@code scope} claim's form. */
    public static String claim(Set<Scope> scopes) {
        return String.join(" ", scopes.stream().sorted().map(Scope::wire).toList());
    }
}
