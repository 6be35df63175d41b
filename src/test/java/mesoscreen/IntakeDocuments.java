package mesoscreen;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mesoscreen.intake.Intake;

/** An intake as the bodies clients send: the JSON of contract v1, and an R4 QuestionnaireResponse. */
final class IntakeDocuments {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** The canonical base the service publishes by default (mesoscreen.fhir-base-url). */
    private static final String FHIR_BASE = "https://mesoscreen.example/fhir";

    private IntakeDocuments() {
    }

    static ObjectNode json(Intake intake) {
        return JSON.valueToTree(intake);
    }

    /**
     * The same intake as a form renderer answers the Questionnaire. FHIR cannot say when a medication was
     * stopped (except isotretinoin, through its own item), so stop dates are left out: use it with
     * {@link #expressibleInFhir}.
     */
    static ObjectNode questionnaireResponse(Intake intake) {
        ObjectNode response = JSON.createObjectNode().put("resourceType", "QuestionnaireResponse").put("status", "completed");
        if (intake.procedure() != null) {
            response.put("questionnaire", FHIR_BASE + "/Questionnaire/mesoscreen-intake-" + intake.procedure());
        }
        ArrayNode items = response.putArray("item");
        Intake.Patient patient = intake.patient();
        if (patient != null && patient.age() != null) {
            answer(items, "patient.age").put("valueInteger", patient.age());
        }
        if (patient != null && patient.birthDate() != null) {
            answer(items, "patient.birthDate").put("valueDate", patient.birthDate().toString());
        }
        if (patient != null && patient.sex() != null) {
            answer(items, "patient.sex").putObject("valueCoding").put("code", patient.sex().json());
        }
        if (intake.plannedDate() != null) {
            answer(items, "plannedDate").put("valueDate", intake.plannedDate().toString());
        }
        intake.answers().forEach((question, given) -> answer(items, question).putObject("valueCoding")
                .put("system", FHIR_BASE + "/CodeSystem/answer").put("code", given.json()));
        entries(items, "conditions", intake.conditions());
        entries(items, "medications", intake.medications().stream().map(Intake.Medication::entry).toList());
        entries(items, "allergies", intake.allergies());
        codes(items, "concerns", intake.concerns());
        codes(items, "areas", intake.areas());
        for (Intake.RecentProcedure done : intake.recentProcedures()) {
            ArrayNode parts = items.addObject().put("linkId", "recentProcedures").putArray("item");
            parts.addObject().put("linkId", "recentProcedures.type").putArray("answer").addObject()
                    .putObject("valueCoding").put("code", done.type());
            parts.addObject().put("linkId", "recentProcedures.date").putArray("answer").addObject()
                    .put("valueDate", done.date().toString());
        }
        return response;
    }

    /** The intake with what a QuestionnaireResponse says the same way: codes by system URI, no stop dates. */
    static Intake expressibleInFhir(Intake intake) {
        return IntakeArbitraries.edit(intake, e -> {
            e.conditions.replaceAll(IntakeDocuments::byUri);
            e.allergies.replaceAll(IntakeDocuments::byUri);
            e.medications.replaceAll(m -> {
                Intake.Entry entry = byUri(m.entry());
                return new Intake.Medication(entry.system(), entry.code(), entry.text(), null);
            });
        });
    }

    private static Intake.Entry byUri(Intake.Entry entry) {
        String uri = entry.system() == null ? null : IntakeArbitraries.SYSTEM_URIS.getOrDefault(entry.system(), entry.system());
        return new Intake.Entry(uri, entry.code(), entry.text());
    }

    private static ObjectNode answer(ArrayNode items, String linkId) {
        return items.addObject().put("linkId", linkId).putArray("answer").addObject();
    }

    private static void entries(ArrayNode items, String linkId, List<Intake.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ArrayNode answers = items.addObject().put("linkId", linkId).putArray("answer");
        for (Intake.Entry entry : entries) {
            if (entry.code() == null) {
                answers.addObject().put("valueString", entry.text());
            } else {
                ObjectNode coding = answers.addObject().putObject("valueCoding").put("system", entry.system())
                        .put("code", entry.code());
                if (entry.text() != null) {
                    coding.put("display", entry.text());
                }
            }
        }
    }

    private static void codes(ArrayNode items, String linkId, List<String> codes) {
        if (!codes.isEmpty()) {
            ArrayNode answers = items.addObject().put("linkId", linkId).putArray("answer");
            codes.forEach(code -> answers.addObject().putObject("valueCoding").put("code", code));
        }
    }
}
