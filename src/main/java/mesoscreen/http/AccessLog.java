package mesoscreen.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import mesoscreen.MesoscreenConfig;
import org.jboss.logging.Logger;

/**
 * One line per request, to the console (stdout) only: method, route template (never the path as
 * sent, which may carry an id), status, bytes, milliseconds and the request id. The query string and
 * the client address, which may be personal data, only when an operator turns them on. Every answer
 * carries its request id ({@link RequestIds}).
 */
@Singleton
public class AccessLog {
    /** Runs first, so that requests refused by the other filters are logged too. */
    static final int PRIORITY = 1000;
    /** RoutingContext key under which {@link RouteTemplate} leaves the matched template. */
    static final String ROUTE = "mesoscreen.route";
    private static final Pattern SERVED = Pattern.compile("[A-Za-z0-9._/-]{1,100}");
    private static final Logger LOG = Logger.getLogger("mesoscreen.access");

    void register(@Observes Filters filters, MesoscreenConfig config) {
        boolean query = config.accessLog().query();
        boolean client = config.accessLog().clientAddress();
        filters.register(context -> start(context, query, client), PRIORITY);
    }

    private static void start(RoutingContext context, boolean query, boolean client) {
        long started = System.nanoTime();
        String id = RequestIds.assign(context);
        context.addEndHandler(done -> {
            StringBuilder line = new StringBuilder()
                    .append(context.request().method().name()).append(' ').append(route(context)).append(' ')
                    .append(context.response().getStatusCode()).append(' ')
                    .append(context.response().bytesWritten()).append(" B ")
                    .append((System.nanoTime() - started) / 1_000_000).append(" ms id=").append(id);
            if (query && context.request().query() != null) {
                line.append(" query=").append(context.request().query());
            }
            if (client && context.request().remoteAddress() != null) {
                line.append(" client=").append(context.request().remoteAddress().host());
            }
            LOG.info(line);
        });
        context.next();
    }

    /**
     * The JAX-RS template; else, for what was served (health, OpenAPI, a static file), its plain path,
     * which names one of ours; "-" for anything refused or not found, whose path is the client's.
     */
    private static String route(RoutingContext context) {
        String template = context.get(ROUTE);
        if (template != null) {
            return template;
        }
        String path = context.normalizedPath();
        return context.response().getStatusCode() < 400 && SERVED.matcher(path).matches() ? path : "-";
    }
}
