package mesoscreen.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request carries an id: the caller's {@code X-Request-Id} when it is a plain token, a new one
 * otherwise. It is echoed in the response header and in problem bodies, put in the logging context
 * (JSON logs show it as {@code requestId}) and in the access log, so that a clinic's report of an
 * error can be found in our logs. A header that is not a plain token is replaced, never echoed: it
 * could carry anything.
 */
@Singleton
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Gives the request its id, called by the first filter ({@link AccessLog}). */
    static String assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given : RandomIds.uuid();
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        return id;
    }

    /** The id {@link #assign} gave, for problems written before any resource runs. */
    static String of(RoutingContext context) {
        return context.request().getHeader(HEADER);
    }

    /** Problem bodies written by resources and exception mappers name the request they answer. */
    @ServerResponseFilter
    public void intoProblems(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && problem.requestId() == null) {
            response.setEntity(problem.withRequestId(request.getHeaderString(HEADER)));
        }
    }
}
