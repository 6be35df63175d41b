package mesoscreen.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import java.util.List;
import java.util.function.Function;
import mesoscreen.intake.Intake;
import mesoscreen.intake.Violation;
import mesoscreen.rules.RuleSet;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** A QuestionnaireResponse body to an intake: parse strictly, find the procedure, read the items. */
public final class FhirIntakes {
    private FhirIntakes() {
    }

    /**
     * @param procedure the procedure asked for, or null to take it from the response's
     *                  {@code questionnaire} canonical (one of ours), or to screen the whole catalogue
     */
    public static Intake read(FhirSupport fhir, RuleSet rules, String body, String procedure,
                              Function<List<Violation>, RuntimeException> reject) {
        QuestionnaireResponse response;
        try {
            response = fhir.parse(QuestionnaireResponse.class, body);
        } catch (DataFormatException | ClassCastException e) {
            throw reject.apply(List.of(new Violation("QuestionnaireResponse", "invalid-resource",
                    "not a FHIR R4 QuestionnaireResponse: " + reason(e))));
        }
        String chosen = procedure;
        if (chosen == null && response.hasQuestionnaire()) {
            String canonical = response.getQuestionnaire().replaceFirst("\\|.*$", "");
            String id = canonical.substring(canonical.lastIndexOf('/') + 1);
            chosen = FhirQuestionnaires.procedureOf(id, rules).filter(p -> !p.isEmpty()).orElse(null);
        }
        QuestionnaireResponseReader.Read read = QuestionnaireResponseReader.read(response, rules, chosen);
        if (!read.violations().isEmpty()) {
            throw reject.apply(read.violations());
        }
        return read.intake();
    }

    /** The parser's reason without the values it quotes, which may be what a patient wrote. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        return message.replaceAll("HAPI-\\d+: ", "").replaceAll("\"[^\"]*\"", "\"…\"").lines().findFirst().orElse("");
    }
}
