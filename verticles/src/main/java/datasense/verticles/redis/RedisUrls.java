package datasense.verticles.redis;

/** Redis connection strings made safe to show: /health and the logs must never print the password. */
public final class RedisUrls {

    private RedisUrls() {
    }

    /**
     * {@code url} without its password and query (which may carry one too): {@code redis://user:pw@h:6379/1?x}
     * becomes {@code redis://user@h:6379/1}; a user info without a colon is dropped whole.
     */
    public static String redact(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int query = url.indexOf('?', start);
        String rest = query < 0 ? url.substring(start) : url.substring(start, query);
        // the last '@' ends the user info: a password may itself contain '@'
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int colon = userInfo.indexOf(':');
            // without a colon the lone user info may be a password (clients read it either way): drop it
            String user = colon < 0 ? "" : userInfo.substring(0, colon);
            rest = (user.isEmpty() ? "" : user + "@") + rest.substring(at + 1);
        }
        return url.substring(0, start) + rest;
    }
}
