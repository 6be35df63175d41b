package mesoscreen.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the FHIR model is built, so that no replica gets FHIR traffic it would make wait. */
@Readiness
@ApplicationScoped
public class FhirReadiness implements HealthCheck {
    private final FhirSupport fhir;

    FhirReadiness(FhirSupport fhir) {
        this.fhir = fhir;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("fhir").status(fhir.ready()).build();
    }
}
