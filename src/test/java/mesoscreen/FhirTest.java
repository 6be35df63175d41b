package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The intake as FHIR R4: a valid Questionnaire, and QuestionnaireResponses screened like JSON intakes. */
@QuarkusTest
class FhirTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static Questionnaire questionnaire(String id, String language) {
        String json = given().header("Accept-Language", language).get("/fhir/Questionnaire/" + id)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        return FHIR.newJsonParser().parseResource(Questionnaire.class, json);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mesoscreen-intake", "mesoscreen-intake-hydralift", "mesoscreen-intake-needle-free-mesotherapy",
        "mesoscreen-intake-prp-mesotherapy"})
    void questionnaireValidatesAgainstR4(String id) {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(FHIR);
        for (String system : List.of("answer", "concern", "area", "procedure-type")) {
            ours.addCodeSystem(FHIR.newJsonParser().parseResource(CodeSystem.class,
                    given().get("/fhir/CodeSystem/" + system).then().statusCode(200).extract().asString()));
        }
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR), ours);
        FhirValidator validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        for (String language : List.of("en", "ru", "tr")) {
            ValidationResult result = validator.validateWithResult(questionnaire(id, language));
            String errors = result.getMessages().stream()
                    .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                    // R4 binds Resource.language to its common-languages list *extensibly*, and that list
                    // has no Turkish; "tr" is the right BCP-47 tag, which an extensible binding allows.
                    .filter(m -> !(m.getLocationString().equals("Questionnaire.language")
                            && m.getMessage().startsWith("Code \"tr\" is not in valueset: http://hl7.org/fhir/ValueSet/languages")))
                    .map(m -> m.getLocationString() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n"));
            assertTrue(errors.isEmpty(), id + " (" + language + "):\n" + errors);
        }
    }

    @Test
    void questionnaireCarriesLinkIdsLoincEnableWhenAndLanguage() {
        Questionnaire q = questionnaire("mesoscreen-intake-hydralift", "tr");
        assertEquals("tr", q.getLanguage());
        QuestionnaireItemComponent pregnant = find(q.getItem(), "pregnant");
        assertEquals("82810-3", pregnant.getCodeFirstRep().getCode());
        assertEquals("http://loinc.org", pregnant.getCodeFirstRep().getSystem());
        assertEquals(Questionnaire.EnableWhenBehavior.ANY, pregnant.getEnableBehavior());
        assertEquals(4, pregnant.getEnableWhen().size());
        assertTrue(pregnant.getText().contains("Hamile"), pregnant.getText());
        assertEquals(List.of("yes", "no", "unknown"),
                pregnant.getAnswerOption().stream().map(o -> o.getValueCoding().getCode()).toList());
        assertEquals("https://mesoscreen.example/fhir/CodeSystem/answer",
                pregnant.getAnswerOptionFirstRep().getValueCoding().getSystem());
        QuestionnaireItemComponent stopDate = find(q.getItem(), "isotretinoinStoppedOn");
        assertEquals("isotretinoin", stopDate.getEnableWhenFirstRep().getQuestion());
    }

    @Test
    void questionnaireIsFoundByItsCanonicalUrl() {
        given().queryParam("url", "https://mesoscreen.example/fhir/Questionnaire/mesoscreen-intake-hydralift|2026.11.0")
                .get("/fhir/Questionnaire").then().statusCode(200)
                .body("resourceType", equalTo("Bundle"))
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo("mesoscreen-intake-hydralift"));
        given().queryParam("url", "https://elsewhere.example/Questionnaire/x").get("/fhir/Questionnaire").then()
                .statusCode(200).body("total", equalTo(0));
    }

    static List<Map<String, Object>> cases() {
        return List.of(
                Map.of("name", "eligible", "body", Intakes.healthyWoman(34).body()),
                Map.of("name", "deferred", "body", Intakes.healthyWoman(34).answer("recentAestheticProcedure", "yes")
                        .with("recentProcedures", List.of(Map.of("type", "chemical-peel", "date", "2026-11-25")))
                        .with("medications", List.of(Map.of("text", "ibuprofen"))).body()),
                Map.of("name", "not eligible", "body", Intakes.healthyWoman(34)
                        .with("conditions", List.of(Map.of("text", "hemophilia"))).body()),
                Map.of("name", "incomplete", "body", Intakes.healthyWoman(34).without("pregnant")
                        .answer("tumor", "unknown").with("allergies", List.of(Map.of("text", "fish"))).body()),
                Map.of("name", "isotretinoin", "body", Intakes.healthyWoman(24).answer("isotretinoin", "yes")
                        .with("medications", List.of(Map.of("text", "isotretinoin", "stoppedOn", "2026-10-01"))).body()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void questionnaireResponseGivesTheSameResultAsTheJsonIntake(Map<String, Object> example) {
        @SuppressWarnings("unchecked")
        Map<String, Object> intake = (Map<String, Object>) example.get("body");
        String expected = given().contentType(ContentType.JSON).body(intake).post("/v1/screenings")
                .then().statusCode(200).extract().asString();
        String response = FHIR.newJsonParser().encodeResourceToString(
                renderedResponse(questionnaire("mesoscreen-intake-hydralift", "en"), intake));
        String viaFhir = given().contentType("application/fhir+json").body(response)
                .urlEncodingEnabled(false).post("/fhir/QuestionnaireResponse/$screen").then().statusCode(200).extract().asString();
        assertEquals(expected, viaFhir, example.get("name") + " via /fhir/QuestionnaireResponse/$screen");
        String viaV1 = given().contentType("application/fhir+json").body(response)
                .post("/v1/screenings").then().statusCode(200).extract().asString();
        assertEquals(expected, viaV1, example.get("name") + " via /v1/screenings as application/fhir+json");
    }

    @Test
    void booleansAndStringsAreReadToo() {
        QuestionnaireResponse response = new QuestionnaireResponse().setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.addItem().setLinkId("patient.age").addAnswer().setValue(new IntegerType(30));
        response.addItem().setLinkId("bleedingDisorder").addAnswer().setValue(new org.hl7.fhir.r4.model.BooleanType(true));
        response.addItem().setLinkId("medications").addAnswer().setValue(new StringType("Xarelto 20 mg"));
        given().contentType("application/fhir+json").body(FHIR.newJsonParser().encodeResourceToString(response))
                .urlEncodingEnabled(false).post("/fhir/QuestionnaireResponse/$screen?procedure=hydralift").then().statusCode(200)
                .body("eligibility", equalTo("NOT_ELIGIBLE"))
                .body("contraindications.id", hasItem("bleeding-disorder"))
                .body("contraindications.id", hasItem("anticoagulant-therapy"));
    }

    @Test
    void unknownItemIsAnOperationOutcome() {
        QuestionnaireResponse response = new QuestionnaireResponse().setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.addItem().setLinkId("pregnnat").addAnswer().setValue(new Coding(null, "no", null));
        given().contentType("application/fhir+json").body(FHIR.newJsonParser().encodeResourceToString(response))
                .urlEncodingEnabled(false).post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].details.coding[0].code", equalTo("unknown-item"))
                .body("issue[0].diagnostics", equalTo("unknown item 'pregnnat'; did you mean 'pregnant'?"))
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.item[0].linkId"));
    }

    @Test
    void nothingIsSkippedQuietly() {
        // An answer nested under an unknown item, and a second answer to the same question.
        given().contentType("application/fhir+json").urlEncodingEnabled(false)
                .body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": [{\"linkId\":"
                        + " \"extra\", \"item\": [{\"linkId\": \"pregnant\", \"answer\": [{\"valueBoolean\": true}]}]}]}")
                .post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400)
                .body("issue.details.coding[0].code", hasItem("unknown-item"))
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.item[0].linkId"));
        given().contentType("application/fhir+json").urlEncodingEnabled(false)
                .body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": ["
                        + "{\"linkId\": \"pregnant\", \"answer\": [{\"valueBoolean\": true}]},"
                        + "{\"linkId\": \"pregnant\", \"answer\": [{\"valueBoolean\": false}]}]}")
                .post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400)
                .body("issue[0].details.coding[0].code", equalTo("duplicate-item"))
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.item[1].linkId"));
    }

    @Test
    void notAQuestionnaireResponseIsAnOperationOutcome() {
        given().contentType("application/fhir+json").body("{\"resourceType\": \"Patient\"}")
                .urlEncodingEnabled(false).post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("structure"))
                .body("issue[0].details.coding[0].code", equalTo("invalid-resource"));
        given().contentType("application/fhir+json").body("{\"resourceType\": \"QuestionnaireResponse\", \"statuz\": 1}")
                .urlEncodingEnabled(false).post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
        given().contentType("application/fhir+json").body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\","
                        + " \"item\": [{\"linkId\": \"pregnant\", \"answer\": [{\"valueCoding\": {\"code\": \"maybe\"}}]}]}")
                .urlEncodingEnabled(false).post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400)
                .body("issue[0].diagnostics", equalTo("must be yes, no or unknown"))
                .body("issue[0].expression[0]", equalTo("QuestionnaireResponse.item[0].answer[0]"))
                .body(org.hamcrest.Matchers.not(containsString("maybe")));
    }

    @Test
    void oversizedResponseIsAnOperationOutcome() {
        String big = "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"text\": {\"status\":"
                + " \"generated\", \"div\": \"" + "x".repeat(300_000) + "\"}}";
        given().contentType("application/fhir+json").body(big).urlEncodingEnabled(false)
                .post("/fhir/QuestionnaireResponse/$screen").then().statusCode(413)
                .contentType("application/fhir+json")
                .body("issue[0].code", equalTo("too-costly"))
                .body("issue[0].details.coding[0].code", equalTo("body-too-large"));
    }

    @Test
    void unknownResourcesAreOperationOutcomes() {
        given().get("/fhir/Questionnaire/nope").then().statusCode(404)
                .contentType("application/fhir+json")
                .body("issue[0].code", equalTo("not-found"));
        given().get("/fhir/Patient/1").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        given().get("/fhir/CodeSystem/answer").then().statusCode(200)
                .body("concept.code", org.hamcrest.Matchers.contains("yes", "no", "unknown"));
    }

    // ---- a QuestionnaireResponse built the way a form renderer builds it -------------------------

    /** Walks the Questionnaire and answers each item from the JSON intake: codings with system and code. */
    @SuppressWarnings("unchecked")
    static QuestionnaireResponse renderedResponse(Questionnaire questionnaire, Map<String, Object> intake) {
        QuestionnaireResponse response = new QuestionnaireResponse()
                .setQuestionnaire(questionnaire.getUrl() + "|" + questionnaire.getVersion())
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        for (QuestionnaireItemComponent group : questionnaire.getItem()) {
            QuestionnaireResponseItemComponent answeredGroup = new QuestionnaireResponseItemComponent()
                    .setLinkId(group.getLinkId()).setText(group.getText());
            for (QuestionnaireItemComponent item : group.getItem()) {
                answer(item, intake, (Map<String, Object>) intake.get("answers"), (Map<String, Object>) intake.get("patient"))
                        .forEach(answeredGroup::addItem);
            }
            if (answeredGroup.hasItem()) {
                response.addItem(answeredGroup);
            }
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static List<QuestionnaireResponseItemComponent> answer(QuestionnaireItemComponent item, Map<String, Object> intake,
                                                                   Map<String, Object> answers, Map<String, Object> patient) {
        String id = item.getLinkId();
        QuestionnaireResponseItemComponent out = new QuestionnaireResponseItemComponent().setLinkId(id).setText(item.getText());
        if (answers.containsKey(id)) {
            out.addAnswer().setValue(option(item, (String) answers.get(id)));
        } else if (id.equals("patient.age")) {
            out.addAnswer().setValue(new IntegerType((Integer) patient.get("age")));
        } else if (id.equals("patient.sex")) {
            out.addAnswer().setValue(option(item, (String) patient.get("sex")));
        } else if (id.equals("plannedDate") && intake.containsKey("plannedDate")) {
            out.addAnswer().setValue(new DateType((String) intake.get("plannedDate")));
        } else if (List.of("conditions", "allergies").contains(id) && intake.containsKey(id)) {
            for (Map<String, Object> entry : (List<Map<String, Object>>) intake.get(id)) {
                out.addAnswer().setValue(new StringType((String) entry.get("text")));
            }
        } else if (id.equals("medications") && intake.containsKey(id)) {
            for (Map<String, Object> entry : (List<Map<String, Object>>) intake.get(id)) {
                if (!entry.containsKey("stoppedOn")) {
                    out.addAnswer().setValue(new StringType((String) entry.get("text")));
                }
            }
        } else if (id.equals("isotretinoinStoppedOn") && intake.containsKey("medications")) {
            for (Map<String, Object> entry : (List<Map<String, Object>>) intake.get("medications")) {
                if (entry.containsKey("stoppedOn")) {
                    out.addAnswer().setValue(new DateType((String) entry.get("stoppedOn")));
                }
            }
        } else if (id.equals("recentProcedures") && intake.containsKey(id)) {
            return ((List<Map<String, Object>>) intake.get(id)).stream().map(done -> {
                QuestionnaireResponseItemComponent instance = new QuestionnaireResponseItemComponent().setLinkId(id);
                instance.addItem().setLinkId("recentProcedures.type").addAnswer()
                        .setValue(option(find(item.getItem(), "recentProcedures.type"), (String) done.get("type")));
                instance.addItem().setLinkId("recentProcedures.date").addAnswer()
                        .setValue(new DateType((String) done.get("date")));
                return instance;
            }).toList();
        }
        return out.hasAnswer() ? List.of(out) : List.of();
    }

    private static Coding option(QuestionnaireItemComponent item, String code) {
        return item.getAnswerOption().stream().map(o -> o.getValueCoding()).filter(c -> c.getCode().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(item.getLinkId() + " has no option " + code)).copy();
    }

    private static QuestionnaireItemComponent find(List<QuestionnaireItemComponent> items, String linkId) {
        for (QuestionnaireItemComponent item : items) {
            if (item.getLinkId().equals(linkId)) {
                return item;
            }
            QuestionnaireItemComponent inner = item.hasItem() ? findOrNull(item.getItem(), linkId) : null;
            if (inner != null) {
                return inner;
            }
        }
        throw new AssertionError("no item " + linkId);
    }

    private static QuestionnaireItemComponent findOrNull(List<QuestionnaireItemComponent> items, String linkId) {
        try {
            return find(items, linkId);
        } catch (AssertionError none) {
            return null;
        }
    }
}
