package mesoscreen.fhir;

import jakarta.inject.Singleton;
import mesoscreen.http.IntakeFormat;
import mesoscreen.screening.IntakeSource;

/** A QuestionnaireResponse posted to {@code /v1/screenings} as application/fhir+json. */
@Singleton
public class QuestionnaireResponseFormat implements IntakeFormat {
    private final FhirSupport fhir;

    QuestionnaireResponseFormat(FhirSupport fhir) {
        this.fhir = fhir;
    }

    @Override
    public String mediaType() {
        return OperationOutcomes.MEDIA_TYPE;
    }

    @Override
    public IntakeSource source(String body) {
        return rules -> FhirIntakes.read(fhir, rules, body, null);
    }
}
