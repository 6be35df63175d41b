package mesoscreen.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request carries an id: the caller's {@code X-Request-Id} when it is a plain token, a new one
 * otherwise. It is echoed in the response header and in problem bodies, put in the logging context
 * (JSON logs show it) and in the access log, so a clinic's report of an error can be found in our logs.
 * A header that is not a plain token is replaced, never echoed: it could carry anything.
 */
@Singleton
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        // Before every other route, so that even requests refused early carry the id.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String given = context.request().getHeader(HEADER);
            String id = given != null && TOKEN.matcher(given).matches() ? given : generate();
            context.request().headers().set(HEADER, id);
            context.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            context.next();
        });
    }

    /** Problem bodies name the request they answer. */
    @ServerResponseFilter
    public void intoProblems(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && problem.requestId() == null) {
            response.setEntity(problem.withRequestId(request.getHeaderString(HEADER)));
        }
    }

    /** 128 random bits as 32 hex digits; an id needs to be unique, not unguessable. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }
}
