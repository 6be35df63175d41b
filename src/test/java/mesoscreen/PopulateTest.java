package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SDC $populate over HTTP with the real rules: the record an EHR sends (SMART app or any SDC client) comes back
 * as an in-progress QuestionnaireResponse holding what it tells and nothing else, read as the CDS Hooks chart
 * is read; posted back to /v1/screenings, it screens as the CDS card does.
 */
@QuarkusTest
@TestProfile(EhrStub.Profile.class)
class PopulateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_JSON = "application/fhir+json";
    /** Sent in UTF-8: without a charset, the HTTP client would write ISO-8859-1. */
    private static final String SENT = FHIR_JSON + "; charset=UTF-8";
    private static final String HYDRALIFT = "mesoscreen-intake-hydralift";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    /** The Parameters of a $populate call about pat-1, one context per argument (each a resource or a Bundle). */
    static String parameters(String... contents) {
        return "{ \"resourceType\": \"Parameters\", \"parameter\": [ { \"name\": \"subject\", \"valueReference\": "
                + "{ \"reference\": \"Patient/pat-1\" } }" + Arrays.stream(contents).map(c -> ", { \"name\": \"context\","
                        + " \"part\": [ { \"name\": \"name\", \"valueString\": \"record\" }, { \"name\": \"content\","
                        + " \"resource\": " + c + " } ] }").collect(Collectors.joining()) + " ] }";
    }

    /** The answer Parameters of a successful call. */
    static JsonNode populate(String questionnaire, String body) {
        String answer = given().urlEncodingEnabled(false).contentType(SENT).header("Accept-Language", "en").body(body)
                .post("/fhir/Questionnaire/" + questionnaire + "/$populate")
                .then().statusCode(200).contentType(FHIR_JSON).extract().asString();
        try {
            JsonNode parameters = JSON.readTree(answer);
            assertEquals("Parameters", parameters.path("resourceType").asText());
            return parameters;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters.path("parameter")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter.path("resource");
            }
        }
        return null;
    }

    static JsonNode response(JsonNode parameters) {
        JsonNode response = parameter(parameters, "response");
        assertEquals("QuestionnaireResponse", response.path("resourceType").asText());
        assertEquals("in-progress", response.path("status").asText());
        assertEquals("Patient/pat-1", response.path("subject").path("reference").asText());
        return response;
    }

    /** The answers of the item {@code linkId}, wherever it is nested; empty when the item is absent. */
    static List<JsonNode> answers(JsonNode response, String linkId) {
        List<JsonNode> out = new ArrayList<>();
        collect(response.path("item"), linkId, out);
        return out;
    }

    private static void collect(JsonNode items, String linkId, List<JsonNode> out) {
        for (JsonNode item : items) {
            if (linkId.equals(item.path("linkId").asText())) {
                item.path("answer").forEach(out::add);
            }
            collect(item.path("item"), linkId, out);
        }
    }

    /** The code of the one answer of a yes/no question, or null when it is unanswered. */
    static String answer(JsonNode response, String question) {
        List<JsonNode> answers = answers(response, question);
        assertTrue(answers.size() <= 1, question + ": " + answers);
        return answers.isEmpty() ? null : answers.get(0).path("valueCoding").path("code").asText();
    }

    /** The issues' codes (urn:mesoscreen:problem) by expression. */
    static Map<String, String> issues(JsonNode parameters) {
        JsonNode outcome = parameter(parameters, "issues");
        if (outcome == null) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode issue : outcome.path("issue")) {
            out.put(issue.path("expression").path(0).asText(), issue.path("details").path("coding").path(0)
                    .path("code").asText());
        }
        return out;
    }

    static JsonNode screen(JsonNode response) {
        String body = given().urlEncodingEnabled(false).contentType(SENT).header("Accept-Language", "en").body(response.toString())
                .post("/v1/screenings").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The verdict the CDS cards give: the worst contraindication card, else questions, precautions, eligible. */
    static String cdsVerdict(List<Map<String, Object>> cards) {
        List<String> summaries = cards.stream().map(c -> c.get("summary").toString()).toList();
        for (String[] verdict : new String[][] {{": not eligible.", "NOT_ELIGIBLE"}, {": defer.", "DEFER"},
            {"clearance is needed", "REFER"}, {"questions for the patient", "INCOMPLETE"},
            {": precautions.", "ELIGIBLE_WITH_PRECAUTIONS"}}) {
            if (summaries.stream().anyMatch(s -> s.contains(verdict[0]))) {
                return verdict[1];
            }
        }
        return "ELIGIBLE";
    }

    static final String APIXABAN = Fhir.medicationRequest("active", RXNORM + "|1364430|apixaban");
    static final String HAEMOPHILIA = Fhir.condition("90935002", "Hemophilia", "active", "confirmed");
    static final String REFUTED_ALLERGY = Fhir.allergy("Hyaluronic acid", "refuted");
    static final String PREGNANT_TODAY = Fhir.pregnancy("LA15173-0", "Pregnant");

    @Test
    void theRecordOfIssue22AnswersWhatItTellsAndScreensAsTheCdsCardDoes() {
        String questionnaireUrl = given().get("/fhir/Questionnaire/" + HYDRALIFT).then().statusCode(200)
                .extract().path("url");
        JsonNode parameters = populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE, APIXABAN, HAEMOPHILIA,
                REFUTED_ALLERGY, PREGNANT_TODAY));
        JsonNode response = response(parameters);
        assertEquals(questionnaireUrl, response.path("questionnaire").asText());
        assertEquals("yes", answer(response, "anticoagulants"));
        assertEquals("yes", answer(response, "bleedingDisorder"));
        assertEquals("yes", answer(response, "pregnant"));
        // The refuted allergy says nothing: no entry, and no answer about allergies either way.
        assertEquals(List.of(), answers(response, "allergies"));
        assertNull(answer(response, "componentIntolerance"));
        assertNull(answer(response, "allergicDisease"));
        // The lists carry the entries as the record names them.
        JsonNode medication = answers(response, "medications").get(0).path("valueCoding");
        assertEquals(RXNORM, medication.path("system").asText());
        assertEquals("1364430", medication.path("code").asText());
        assertEquals("apixaban", medication.path("display").asText());
        assertEquals("90935002", answers(response, "conditions").get(0).path("valueCoding").path("code").asText());
        assertEquals("female", answers(response, "patient.sex").get(0).path("valueCoding").path("code").asText());
        assertEquals("1990-05-14", answers(response, "patient.birthDate").get(0).path("valueDate").asText());
        // What the record does not tell stays unanswered: no "no" anywhere.
        assertFalse(response.toString().contains("\"code\":\"no\""), response.toString());
        assertEquals(null, answer(response, "breastfeeding"));
        assertEquals("not-a-fact", issues(parameters).get("Parameters.parameter[4].part[1].resource.verificationStatus"));

        JsonNode screening = screen(response);
        List<Map<String, Object>> cards = CdsHooksTest.cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(
                Fhir.PATIENT_FEMALE, Map.of("medicationRequests", Fhir.bundle(APIXABAN),
                        "conditions", Fhir.bundle(HAEMOPHILIA), "allergies", Fhir.bundle(REFUTED_ALLERGY),
                        "pregnancyStatus", Fhir.bundle(PREGNANT_TODAY))), null));
        assertEquals("NOT_ELIGIBLE", screening.path("eligibility").asText());
        assertEquals(cdsVerdict(cards), screening.path("eligibility").asText());
        List<String> found = new ArrayList<>();
        screening.path("contraindications").forEach(c -> found.add(c.path("id").asText()));
        assertTrue(found.containsAll(List.of("bleeding-disorder", "pregnancy", "anticoagulant-therapy")), found.toString());
        String cardText = cards.toString();
        screening.path("contraindications").forEach(c -> assertTrue(cardText.contains(c.path("title").asText()),
                c.path("title").asText() + " not on the cards " + cardText));
    }

    @Test
    void aConfirmedAllergyToAnIngredientAnswersTheIntoleranceQuestionAndScreensAsTheCardDoes() {
        String confirmed = Fhir.allergy("Hyaluronic acid", "confirmed");
        JsonNode response = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE, confirmed)));
        assertEquals("yes", answer(response, "componentIntolerance"));
        assertEquals("Hyaluronic acid", answers(response, "allergies").get(0).path("valueString").asText());
        List<Map<String, Object>> cards = CdsHooksTest.cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(
                Fhir.PATIENT_FEMALE, Map.of("allergies", Fhir.bundle(confirmed))), null));
        assertEquals(cdsVerdict(cards), screen(response).path("eligibility").asText());
        assertEquals("NOT_ELIGIBLE", cdsVerdict(cards));
    }

    @Test
    void oneBundleOrOneContextPerResourceGiveTheSameResponse() {
        JsonNode apart = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE, APIXABAN, HAEMOPHILIA)));
        JsonNode together = response(populate(HYDRALIFT, parameters(Fhir.bundle(Fhir.PATIENT_FEMALE, APIXABAN,
                HAEMOPHILIA))));
        assertEquals(apart.path("item"), together.path("item"));
        assertEquals("yes", answer(together, "bleedingDisorder"));
    }

    @Test
    void theWholeCatalogueQuestionnaireIsPopulatedToo() {
        JsonNode response = response(populate("mesoscreen-intake", parameters(Fhir.PATIENT_FEMALE, HAEMOPHILIA)));
        assertTrue(response.path("questionnaire").asText().endsWith("/fhir/Questionnaire/mesoscreen-intake"));
        assertEquals("yes", answer(response, "bleedingDisorder"));
        // Posted back, the catalogue's response screens every procedure: none is open to a haemophiliac.
        assertEquals("NOT_ELIGIBLE", screen(response).path("eligibility").asText());
    }

    @Test
    void aMedicationStatementIsReadLikeAnOrderAndOneNotTakenSaysNothing() {
        String eliquis = """
                { "resourceType": "MedicationStatement", "id": "ms-1", "status": "active",
                  "medicationCodeableConcept": { "text": "Eliquis 5 mg twice a day" },
                  "subject": { "reference": "Patient/pat-1" }, "effectiveDateTime": "2026-01-10" }""";
        JsonNode taken = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE, eliquis)));
        assertEquals("yes", answer(taken, "anticoagulants"));
        assertEquals("Eliquis 5 mg twice a day", answers(taken, "medications").get(0).path("valueString").asText());
        assertEquals("REFER", screen(taken).path("eligibility").asText());

        JsonNode notTaken = populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                eliquis.replace("\"active\"", "\"not-taken\"")));
        assertNull(answer(response(notTaken), "anticoagulants"));
        assertEquals(List.of(), answers(response(notTaken), "medications"));
        assertEquals("not-a-fact", issues(notTaken).get("Parameters.parameter[2].part[1].resource.status"));
    }

    @Test
    void aMedicationByReferenceIsReadFromTheBundleAndAFailedSearchIsNamed() {
        String request = """
                { "resourceType": "MedicationRequest", "id": "medrx-2", "status": "active", "intent": "order",
                  "medicationReference": { "reference": "Medication/med-1" },
                  "subject": { "reference": "Patient/pat-1" } }""";
        String medication = """
                { "resourceType": "Medication", "id": "med-1",
                  "code": { "coding": [ { "system": "http://www.whocc.no/atc", "code": "B01AF01",
                                          "display": "rivaroxaban" } ], "text": "Xarelto 20 mg" } }""";
        String failed = """
                { "resourceType": "OperationOutcome", "issue": [ { "severity": "error", "code": "timeout" } ] }""";
        JsonNode parameters = populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE, Fhir.bundle(request, medication),
                Fhir.bundle(failed)));
        JsonNode response = response(parameters);
        assertEquals("yes", answer(response, "anticoagulants"));
        assertEquals("B01AF01", answers(response, "medications").get(0).path("valueCoding").path("code").asText());
        assertEquals("incomplete", issues(parameters).get("Parameters.parameter[3].part[1].resource.entry[0].resource"));
    }

    @Test
    void isotretinoinStoppedOnADateGoesToItsFollowUpAndDefersUntilTheWindowCloses() {
        String stopped = LocalDate.now(ZoneOffset.UTC).minusMonths(2).toString();
        String statement = """
                { "resourceType": "MedicationStatement", "id": "ms-2", "status": "completed",
                  "medicationCodeableConcept": { "coding": [ { "system": "http://www.whocc.no/atc", "code": "D10BA01",
                                                               "display": "isotretinoin" } ] },
                  "subject": { "reference": "Patient/pat-1" },
                  "effectivePeriod": { "start": "2025-11-01", "end": "%s" } }""".formatted(stopped);
        JsonNode response = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE, statement)));
        assertEquals("yes", answer(response, "isotretinoin"));
        assertEquals(stopped, answers(response, "isotretinoinStoppedOn").get(0).path("valueDate").asText());
        assertEquals(List.of(), answers(response, "medications"));
        JsonNode screening = screen(response);
        assertEquals("DEFER", screening.path("eligibility").asText());
        assertEquals(LocalDate.parse(stopped).plusMonths(6).toString(), screening.path("eligibleFrom").asText());
    }

    @Test
    void pregnancyCodedInSnomedIsReadAsInLoinc() {
        JsonNode response = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                Fhir.pregnancy(SNOMED, "77386006", "Pregnant", Fhir.TODAY))));
        assertEquals("yes", answer(response, "pregnant"));
        // Pregnancy not yet confirmed is a possible pregnancy.
        assertEquals("yes", answer(response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                Fhir.pregnancy(SNOMED, "152231000119106", "Pregnancy not yet confirmed", Fhir.TODAY)))),
                "pregnant"));
    }

    @Test
    void notPregnantCountsOnlyWhenRecordedToday() {
        JsonNode today = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                Fhir.pregnancy("http://loinc.org", "LA26683-5", "Not pregnant", Fhir.TODAY))));
        assertEquals("no", answer(today, "pregnant"));

        JsonNode yesterday = populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                Fhir.pregnancy("http://loinc.org", "LA26683-5", "Not pregnant", YESTERDAY)));
        assertNull(answer(response(yesterday), "pregnant"));
        assertEquals("not-current", issues(yesterday).get("Parameters.parameter[2].part[1].resource.effective"));
        // Nor is a SNOMED "not pregnant" of yesterday.
        assertNull(answer(response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                Fhir.pregnancy(SNOMED, "60001007", "Not pregnant", YESTERDAY)))), "pregnant"));
    }

    @Test
    void enteredInErrorAndResolvedConditionsSayNothing() {
        JsonNode parameters = populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                Fhir.condition("90935002", "Hemophilia", "active", "entered-in-error"),
                Fhir.condition("64779008", "Coagulopathy", "resolved", "confirmed")));
        JsonNode response = response(parameters);
        assertNull(answer(response, "bleedingDisorder"));
        assertEquals(List.of(), answers(response, "conditions"));
        Map<String, String> issues = issues(parameters);
        assertEquals("not-a-fact", issues.get("Parameters.parameter[2].part[1].resource.verificationStatus"));
        assertEquals("not-current", issues.get("Parameters.parameter[3].part[1].resource.clinicalStatus"));
    }

    static String conditionText(String text) {
        return """
                { "resourceType": "Condition", "id": "cond-text",
                  "clinicalStatus": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                                    "code": "active" } ] },
                  "code": { "text": "%s" }, "subject": { "reference": "Patient/pat-1" } }""".formatted(text);
    }

    @Test
    void aNegatedEntryIsListedButAnswersNothing() {
        JsonNode negated = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                conditionText("no history of keloids"))));
        assertNull(answer(negated, "keloidTendency"));
        assertEquals("no history of keloids", answers(negated, "conditions").get(0).path("valueString").asText());
        // Screened, the entry is shown as read: set aside, negated.
        JsonNode screening = screen(negated);
        assertEquals("negated", screening.path("setAside").path(0).path("assertion").asText(), screening.toString());

        JsonNode affirmed = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                conditionText("history of keloids after surgery"))));
        assertEquals("yes", answer(affirmed, "keloidTendency"));
    }

    @Test
    void russianAndTurkishWordsAreReadAsEnglishOnes() {
        JsonNode russian = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_MALE, conditionText("гемофилия А"))));
        assertEquals("yes", answer(russian, "bleedingDisorder"), russian.toString());
        String varfarin = """
                { "resourceType": "MedicationStatement", "id": "ms-3", "status": "active",
                  "medicationCodeableConcept": { "coding": [ { "system": "urn:oid:2.16.840.1.113883.6.999",
                      "code": "X-1", "display": "Varfarin 5 mg tablet" } ] },
                  "subject": { "reference": "Patient/pat-1" } }""";
        JsonNode turkish = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_MALE, varfarin)));
        assertEquals("yes", answer(turkish, "anticoagulants"));
        // A man is not asked about pregnancy, and nothing answers it.
        assertNull(answer(turkish, "pregnant"));
    }

    @Test
    void whatCannotBeReadIsNamedByItsPlace() {
        String procedure = """
                { "resourceType": "Procedure", "id": "proc-1", "status": "completed",
                  "code": { "text": "chemical peel" }, "subject": { "reference": "Patient/pat-1" } }""";
        String unknownCode = Fhir.condition("999999999", "", "active", "confirmed").replace(", \"display\": \"\"", "");
        String someoneElse = HAEMOPHILIA.replace("Patient/pat-1", "Patient/pat-2");
        JsonNode parameters = populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE,
                Fhir.bundle(procedure, unknownCode, someoneElse)));
        Map<String, String> issues = issues(parameters);
        String bundle = "Parameters.parameter[2].part[1].resource";
        assertEquals("not-read", issues.get(bundle + ".entry[0].resource"));
        assertEquals("code-unknown", issues.get(bundle + ".entry[1].resource.code"));
        assertEquals("subject-mismatch", issues.get(bundle + ".entry[2].resource.subject"));
        JsonNode response = response(parameters);
        // Another patient's haemophilia is not this one's; the unknown code is listed for a clinician.
        assertNull(answer(response, "bleedingDisorder"));
        assertEquals("999999999", answers(response, "conditions").get(0).path("valueCoding").path("code").asText());
        // No issue repeats what the record says.
        String outcome = parameter(parameters, "issues").toString();
        assertFalse(outcome.contains("chemical peel") || outcome.contains("Hemophilia"), outcome);
        assertTrue(parameter(parameters, "issues").path("issue").findValuesAsText("severity").contains("warning"));

        // A Patient who is not the subject is not read either.
        JsonNode other = populate(HYDRALIFT, parameters(Fhir.PATIENT_FEMALE.replace("pat-1", "pat-9")));
        assertEquals(List.of(), answers(response(other), "patient.sex"));
        assertEquals("subject-mismatch", issues(other).get("Parameters.parameter[1].part[1].resource.id"));
    }

    @Test
    void aRecordThatTellsNothingGivesAResponseWithNoAnswers() {
        JsonNode empty = populate(HYDRALIFT, parameters(Fhir.bundle()));
        JsonNode response = response(empty);
        assertEquals(0, response.path("item").size(), response.toString());
        assertNull(parameter(empty, "issues"));
        // Posted back, nothing is assumed: the screening asks every question.
        JsonNode screening = screen(response);
        assertEquals("INCOMPLETE", screening.path("eligibility").asText());

        JsonNode patientOnly = response(populate(HYDRALIFT, parameters(Fhir.PATIENT_MALE)));
        assertEquals(List.of("patient.birthDate", "patient.sex"), linkIds(patientOnly));
    }

    private static List<String> linkIds(JsonNode response) {
        List<String> out = new ArrayList<>();
        response.path("item").forEach(group -> group.path("item").forEach(item -> out.add(item.path("linkId").asText())));
        return out;
    }

    @Test
    void anUnknownQuestionnaireIsA404OperationOutcome() {
        given().urlEncodingEnabled(false).contentType(SENT).body(parameters()).post("/fhir/Questionnaire/mesoscreen-intake-hydralfit/$populate")
                .then().statusCode(404).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"))
                .body("issue[0].expression[0]", equalTo("Questionnaire.id"))
                .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("mesoscreen-intake-hydralift"));
    }

    @Test
    void malformedParametersAre400sWithTheirPaths() {
        String noSubject = "{ \"resourceType\": \"Parameters\", \"parameter\": [ { \"name\": \"context\", \"part\": ["
                + " { \"name\": \"name\", \"valueString\": \"patient\" }, { \"name\": \"content\", \"resource\": "
                + Fhir.PATIENT_FEMALE + " } ] } ] }";
        rejected(noSubject).body("issue.expression.flatten()", hasItem("Parameters.parameter"))
                .body("issue.details.coding.flatten().code", hasItem("required"));

        String noContent = parameters().replace(" ] }", ", { \"name\": \"context\", \"part\": [ { \"name\": \"name\","
                + " \"valueString\": \"patient\" } ] } ] }");
        rejected(noContent).body("issue.expression.flatten()", hasItem("Parameters.parameter[1].part"))
                .body("issue.diagnostics", hasItem(org.hamcrest.Matchers.containsString("content")));

        rejected(Fhir.bundle(Fhir.PATIENT_FEMALE)).body("issue[0].expression[0]", equalTo("Parameters.resourceType"))
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].diagnostics", org.hamcrest.Matchers.containsString("not a Bundle"));

        String byReference = parameters().replace(" ] }", ", { \"name\": \"context\", \"part\": [ { \"name\": \"name\","
                + " \"valueString\": \"patient\" }, { \"name\": \"content\", \"valueReference\": { \"reference\":"
                + " \"Patient/pat-1\" } } ] } ] }");
        rejected(byReference).body("issue[0].expression[0]", equalTo("Parameters.parameter[1].part[1]"));

        String misspelt = parameters().replace("\"subject\"", "\"subjekt\"");
        rejected(misspelt).body("issue.diagnostics", hasItems(org.hamcrest.Matchers.containsString("did you mean 'subject'"),
                org.hamcrest.Matchers.containsString("subject parameter is required")));

        String notAPatient = parameters().replace("Patient/pat-1", "Group/g-1");
        rejected(notAPatient).body("issue[0].expression[0]", equalTo("Parameters.parameter[0].value"));

        rejected("{ \"resourceType\": \"Parameters\", \"parameter\": [ { \"name\": \"subject\", \"name\": \"x\" } ] }")
                .body("issue[0].details.coding[0].code", equalTo("duplicate-key"));
        rejected("not json").body("issue[0].expression[0]", equalTo("Parameters"));
    }

    private static io.restassured.response.ValidatableResponse rejected(String body) {
        return given().urlEncodingEnabled(false).contentType(SENT).body(body).post("/fhir/Questionnaire/" + HYDRALIFT + "/$populate")
                .then().statusCode(400).contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void anotherMediaTypeIsA415OperationOutcome() {
        given().urlEncodingEnabled(false).contentType("text/plain").body(parameters())
                .post("/fhir/Questionnaire/" + HYDRALIFT + "/$populate").then().statusCode(415)
                .contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-supported"));
    }

    @Test
    void theSwaggerExamplePopulates() throws Exception {
        JsonNode example = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .at("/paths/~1fhir~1Questionnaire~1{id}~1$populate/post/requestBody/content/application~1fhir+json"
                        + "/examples/record/value");
        JsonNode parameters = populate(HYDRALIFT, example.toString());
        JsonNode response = parameter(parameters, "response");
        assertEquals("Patient/example", response.path("subject").path("reference").asText());
        assertEquals("yes", answer(response, "anticoagulants"));
        assertEquals("yes", answer(response, "keloidTendency"));
        assertNull(parameter(parameters, "issues"));
    }

    @Test
    void theCapabilityStatementListsPopulate() {
        given().get("/fhir/metadata").then().statusCode(200)
                .body("rest[0].resource.find { it.type == 'Questionnaire' }.operation[0].name", equalTo("populate"))
                .body("rest[0].resource.find { it.type == 'Questionnaire' }.operation[0].definition",
                        equalTo("http://hl7.org/fhir/uv/sdc/OperationDefinition/Questionnaire-populate"));
    }

    @Test
    void itemTextsSpeakTheRequestLanguage() {
        given().urlEncodingEnabled(false).contentType(SENT).header("Accept-Language", "ru").body(parameters(HAEMOPHILIA))
                .post("/fhir/Questionnaire/" + HYDRALIFT + "/$populate").then().statusCode(200)
                .header("Content-Language", "ru")
                .body("parameter[0].resource.item.item.flatten().find { it.linkId == 'bleedingDisorder' }.text",
                        equalTo("Есть ли у вас нарушение свёртываемости крови?"));
    }
}
