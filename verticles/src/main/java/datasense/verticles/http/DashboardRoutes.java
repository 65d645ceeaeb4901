package datasense.verticles.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browser dashboard, served by the node itself from the jar so a person who starts a node has a page to open
 * at {@code /}, with no separate build or server. The page ({@code webroot/index.html}) is at {@code /}; its
 * scripts ({@code webroot/app}, {@code webroot/vendor}) are under {@code /static/}, and WebJars ({@code
 * META-INF/resources/webjars}) under {@code /static/webjars/}. All of it is public (it holds no data: the page
 * signs in and then calls the API and the {@code /eventbus} bridge with its token), which is why
 * {@link AuthHandler#OPEN} lists {@code /static/} and these routes are mounted before the {@link AuthHandler}.
 * Only a path written as {@code /} or under {@code /static/} reaches them: one that merely normalizes there
 * ({@code /files/..}) goes on to the API and its JSON 404.
 */
final class DashboardRoutes {

    private DashboardRoutes() {
    }

    /** Mounts {@code GET /} and {@code GET /static/*}; call before the {@link AuthHandler} is mounted. */
    static void mount(Router router) {
        StaticHandler page = StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(false);
        // libraries are pinned and large: cached a day; the page's own scripts change with the node: never cached
        StaticHandler webjars = StaticHandler.create("META-INF/resources").setMaxAgeSeconds(86_400);
        StaticHandler vendor = StaticHandler.create("webroot").setMaxAgeSeconds(86_400);
        StaticHandler app = StaticHandler.create("webroot").setCachingEnabled(false);
        router.get("/").handler(ctx -> {
            if (!"/".equals(ctx.request().path())) {
                ctx.next();
                return;
            }
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            page.handle(ctx);
        });
        router.get("/static/*").handler(ctx -> serve(ctx, webjars, vendor, app));
    }

    private static void serve(RoutingContext ctx, StaticHandler webjars, StaticHandler vendor, StaticHandler app) {
        String path = ctx.request().path();
        if (path.startsWith("/static/webjars/")) {
            webjars.handle(ctx);
        } else if (path.startsWith("/static/vendor/")) {
            vendor.handle(ctx);
        } else if (path.startsWith("/static/app/")) {
            app.handle(ctx);
        } else {
            ctx.next();
        }
    }
}
