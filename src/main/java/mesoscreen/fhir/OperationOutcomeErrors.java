package mesoscreen.fhir;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import mesoscreen.http.ErrorFormat;
import mesoscreen.intake.Violation;

/** Errors in the FHIR adapter's URL space (its {@code @Path}) are OperationOutcomes, whoever raises them. */
@Singleton
public class OperationOutcomeErrors implements ErrorFormat {
    private static final String BASE = FhirResource.class.getAnnotation(Path.class).value();

    @Override
    public boolean owns(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    @Override
    public Response render(int status, List<Violation> violations) {
        return response(status, violations);
    }

    static Response response(int status, List<Violation> violations) {
        return Response.status(status).type(OperationOutcomes.MEDIA_TYPE)
                .entity(OperationOutcomes.of(status, violations)).build();
    }
}
