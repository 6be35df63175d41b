package mesoscreen.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Leaves the matched resource's path template ("/v1/procedures/{id}") for the {@link AccessLog}. */
public class RouteTemplate {
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 1)
    public void remember(ResourceInfo resource, RoutingContext context) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            context.put(AccessLog.ROUTE, TEMPLATES.computeIfAbsent(method,
                    m -> join(template(resource.getResourceClass().getAnnotation(Path.class)), template(m.getAnnotation(Path.class)))));
        }
    }

    private static String template(Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String type, String method) {
        String joined = ("/" + type + "/" + method).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
