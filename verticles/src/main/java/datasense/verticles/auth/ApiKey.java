package datasense.verticles.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * An API key as stored ({@code {tenant}/api-keys/{key_id}.json}): whose it is, what it may do, until when, and the
 * SHA-256 of the key. The key itself is shown once, when it is created, and never stored.
 *
 * @param expiresAt ISO-8601 instant, or null for a key that does not expire
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(String keyId, String tenant, String name, List<String> scopes, String createdAt, String expiresAt,
                     String hash) {

    /** What the key's owner is shown: everything but the hash. */
    public ApiKey listed() {
        return new ApiKey(keyId, tenant, name, scopes, createdAt, expiresAt, null);
    }
}
