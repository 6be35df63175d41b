package mesoscreen.http;

import io.quarkus.arc.All;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mesoscreen.intake.Violation;

/**
 * Answers a problem raised outside any adapter's code in the format of the adapter that owns the
 * path ({@link ErrorFormat}), and as problem+json everywhere else.
 */
@Singleton
public class ErrorResponses {
    private final List<ErrorFormat> formats;

    ErrorResponses(@All List<ErrorFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    public Response respond(Problem problem, String path) {
        for (ErrorFormat format : formats) {
            if (path != null && format.owns(path)) {
                return format.render(problem.status(), List.of(
                        new Violation(problem.path() == null ? "" : problem.path(), problem.code(), problem.detail())));
            }
        }
        return ProblemMappers.respond(problem);
    }

    /** A refusal in the path's format, with its Retry-After and, for a 401, the header the key goes in. */
    public Response refuse(Refusal refusal, String path) {
        Response.ResponseBuilder response = Response.fromResponse(respond(refusal.problem(), path));
        if (refusal.retryAfter() > 0) {
            response.header("Retry-After", refusal.retryAfter());
        }
        if (refusal.keyHeader() != null) {
            response.header("WWW-Authenticate", "ApiKey header=\"" + refusal.keyHeader() + "\"");
        }
        return response.build();
    }
}
