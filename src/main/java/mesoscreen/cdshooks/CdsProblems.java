package mesoscreen.cdshooks;

import jakarta.ws.rs.core.Response;
import mesoscreen.http.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused CDS Hooks calls as RFC 9457 problems, like every other error of the service. */
public class CdsProblems {

    @ServerExceptionMapper
    public Response refused(CdsRejected e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.status(), e.code(), e.detail(), e.path()));
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        if (e.retryAfter() > 0) {
            response.header("Retry-After", e.retryAfter());
        }
        return response.build();
    }
}
