package mesoscreen.http;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import mesoscreen.MesoscreenConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over {@code mesoscreen.max-body-size} with a 413 problem: at once when the
 * declared Content-Length is too large, and while reading when a streamed body grows too large.
 * (Quarkus's own, larger limit stays as a backstop below the application.)
 */
@Provider
public class BodyLimit implements ReaderInterceptor {
    // Providers are built before runtime configuration is available, so the limit is read on first use.
    private final Instance<MesoscreenConfig> config;
    private volatile long limit = -1;
    private final ErrorResponses errors;

    BodyLimit(Instance<MesoscreenConfig> config, ErrorResponses errors) {
        this.config = config;
        this.errors = errors;
    }

    private long limit() {
        long value = limit;
        if (value < 0) {
            value = config.get().maxBodySize().asLongValue();
            limit = value;
        }
        return value;
    }

    @ServerRequestFilter(preMatching = true)
    public Response declaredLength(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit()) {
                    return errors.respond(problem(), request.getUriInfo().getPath());
                }
            } catch (NumberFormatException malformed) {
                return errors.respond(Problem.of(400, "bad-request", "the Content-Length header is not a number",
                        null), request.getUriInfo().getPath());
            }
        }
        return null;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counting(context.getInputStream()));
        return context.proceed();
    }

    private Problem problem() {
        return Problem.of(413, "body-too-large", "the request body is larger than " + limit() + " bytes", null);
    }

    /** Thrown out of the body stream when it passes the limit; mapped to the 413 problem. */
    public static final class TooLarge extends RuntimeException {
        private final transient Problem problem;

        TooLarge(Problem problem) {
            super("body too large", null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    private final class Counting extends FilterInputStream {
        private long read;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit()) {
                throw new TooLarge(problem());
            }
        }
    }
}
