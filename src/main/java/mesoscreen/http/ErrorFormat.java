package mesoscreen.http;

import jakarta.ws.rs.core.Response;
import java.util.List;
import mesoscreen.intake.Violation;

/**
 * The error format of an adapter that does not answer errors as problem+json (FHIR answers with
 * OperationOutcomes). Errors its own code raises it maps itself; this is for the errors raised before any
 * adapter code runs (no key, too many requests, a body over the limit, no such path), which have only the
 * request path to go on: the adapter names the URL space it owns.
 */
public interface ErrorFormat {

    /** True for a request path in the adapter's URL space. */
    boolean owns(String path);

    Response render(int status, List<Violation> violations);
}
