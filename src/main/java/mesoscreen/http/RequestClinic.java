package mesoscreen.http;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * The clinic a request is screened for, as access control identified it from the request's key (or a
 * CDS Hooks call from its EHR); none for an open API. Every adapter reads its rule set by it.
 */
@Singleton
public class RequestClinic {
    private static final String KEY = RequestClinic.class.getName();

    private final CurrentVertxRequest request;

    RequestClinic(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Called by access control once it knows whose key the request carries. */
    public static void set(RoutingContext context, String clinic) {
        context.put(KEY, clinic);
    }

    /** The clinic of the request being served; null when it has none. */
    public String get() {
        if (!Arc.container().requestContext().isActive()) {
            return null; // not serving a request: the base set
        }
        RoutingContext context = request.getCurrent();
        return context == null ? null : context.get(KEY);
    }
}
