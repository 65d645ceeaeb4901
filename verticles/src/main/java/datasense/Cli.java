package datasense;

import datasense.verticles.auth.ApiKeys;
import datasense.verticles.auth.Authenticator;
import datasense.verticles.auth.Principal;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Json;
import datasense.verticles.store.Keys;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operator's commands, for a first credential (and for tests and docs): {@code token} mints a JWT with the
 * node's DATASENSE_JWT_SECRET; {@code api-key create} writes a key to the configured object store, where every
 * node finds it. Each prints the credential alone on standard output (what a script captures) and what it is
 * on standard error.
 */
final class Cli {

    static final String USAGE = """
            java -jar datasense.jar token --tenant <tenant> [--ttl 1h] [--scopes read,ask,upload,admin] [--subject <sub>] [--config file.json]
            java -jar datasense.jar api-key create --tenant <tenant> [--name <name>] [--scopes read,ask,upload,admin] [--expires-in 30d] [--config file.json]
              (scopes default to all four; --ttl and --expires-in take s, m, h or d)""";

    private Cli() {
    }

    /** True when {@code args} name a command rather than starting a node. */
    static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals("token") || args[0].equals("api-key"));
    }

    /** Runs the command; the exit status (0 when done, 2 for a usage error, 1 when it failed). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            List<String> words = new ArrayList<>(List.of(args));
            String command = words.remove(0);
            if (command.equals("api-key")) {
                if (words.isEmpty() || !words.remove(0).equals("create")) {
                    throw new IllegalArgumentException("api-key takes one subcommand: create");
                }
            }
            Map<String, String> options = options(words);
            NodeConfig config = NodeConfig.load(env, options.containsKey("config") ? Path.of(options.get("config")) : null);
            String tenant = options.get("tenant");
            if (!Keys.safeTenant(tenant)) {
                throw new IllegalArgumentException("--tenant is required: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit");
            }
            Set<Scope> scopes = options.containsKey("scopes") ? scopes(options.get("scopes")) : Scope.ALL;
            Vertx vertx = Vertx.vertx();
            try {
                if (command.equals("token")) {
                    if (!config.auth().mints()) {
                        throw new IllegalArgumentException("token needs DATASENSE_JWT_SECRET (the secret the nodes verify with)");
                    }
                    Duration ttl = duration(options.getOrDefault("ttl", "1h"));
                    Authenticator auth = Authenticator.start(vertx, config.auth(), new ApiKeys(vertx, Node.store(vertx, config))).await();
                    String subject = options.getOrDefault("subject", "operator");
                    out.println(auth.mint(new Principal(tenant, subject, scopes), (int) ttl.toSeconds()));
                    err.println("token for tenant " + tenant + ", scopes " + Scope.claim(scopes) + ", valid " + ttl.toSeconds() + " s");
                } else {
                    Instant expires = options.containsKey("expires-in") ? Instant.now().plus(duration(options.get("expires-in"))) : null;
                    ApiKeys.Created created = new ApiKeys(vertx, Node.store(vertx, config))
                            .create(tenant, options.getOrDefault("name", "cli"), scopes, expires).await();
                    out.println(created.key());
                    err.println(Json.toJson(created.record().listed()).encode());
                }
            } finally {
                vertx.close().await();
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\nusage:\n" + USAGE);
            return 2;
        } catch (Exception e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(List<String> words) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || i + 1 >= words.size()) {
                throw new IllegalArgumentException("expected --option value, got " + word);
            }
            options.put(word.substring(2), words.get(++i));
        }
        return options;
    }

    private static Set<Scope> scopes(String list) {
        List<String> names = List.of(list.trim().split("[\\s,]+"));
        Set<Scope> scopes = Scope.known(names);
        if (scopes.size() != names.size()) {
            throw new IllegalArgumentException("--scopes takes read, ask, upload and admin, not " + list);
        }
        return scopes;
    }

    /** "90s", "15m", "1h", "30d", or plain seconds. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(t.replaceAll("[smhd]$", ""));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a duration must be positive: " + text);
            }
            return d;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 90s, 15m, 1h, 30d)");
        }
    }
}
