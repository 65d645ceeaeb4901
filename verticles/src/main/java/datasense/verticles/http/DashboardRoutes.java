package datasense.verticles.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser dashboard, served by the node itself from the jar so a person who starts a node has a page to open
 * at {@code /}, with no separate build or server. The page ({@code webroot/index.html}) and its scripts
 * ({@code webroot/app}, {@code webroot/vendor}) are under {@code /static/}, and WebJars ({@code
 * META-INF/resources/webjars}) under {@code /static/webjars/}; all of it is public (it holds no data: the page
 * signs in and then calls the API and the {@code /eventbus} bridge with its token), which is why
 * {@link AuthHandler#OPEN} lists {@code /static/} and {@code /} is mounted before the {@link AuthHandler}.
 */
final class DashboardRoutes {

    private DashboardRoutes() {
    }

    /** Mounts {@code GET /} and {@code GET /static/*}; call before the {@link AuthHandler} is mounted. */
    static void mount(Router router) {
        StaticHandler page = StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(false);
        router.get("/").handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            page.handle(ctx);
        });
        router.get("/static/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
        router.get("/static/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    }
}
