package mesoscreen.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/** Writes a {@link Refusal} as a problem from the HTTP filters that run before any resource. */
@Singleton
public class Refusals {
    private final ObjectMapper json;

    Refusals(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext context, Refusal refusal) {
        String body;
        try {
            body = json.writeValueAsString(refusal.problem().withRequestId(RequestIds.of(context)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(refusal.problem().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (refusal.retryAfter() > 0) {
            response.putHeader("Retry-After", String.valueOf(refusal.retryAfter()));
        }
        if (refusal.keyHeader() != null) {
            response.putHeader("WWW-Authenticate", "ApiKey header=\"" + refusal.keyHeader() + "\"");
        }
        response.end(body);
    }
}
