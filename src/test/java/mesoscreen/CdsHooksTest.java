package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CDS Hooks over HTTP with realistic R4 prefetch: each test checks the cards' indicators, summary lengths and
 * what they say. Calls are signed by the EHR stub's keys.
 */
@QuarkusTest
@TestProfile(EhrStub.Profile.class)
class CdsHooksTest {
    static final String SERVICE = "mesoscreen-appointment-book";

    static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    static ValidatableResponse call(String service, String body, String language) {
        return given().header("Authorization", "Bearer " + EhrStub.token(url("/cds-services/" + service)))
                .header("Accept-Language", language)
                .contentType(ContentType.JSON).body(body)
                .post("/cds-services/" + service).then();
    }

    /** The cards of a successful call; every summary is under 140 characters, every card has a uuid and source. */
    static List<Map<String, Object>> cards(String body) {
        JsonPath json = call(SERVICE, body, "en").statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store").extract().jsonPath();
        List<Map<String, Object>> cards = json.getList("cards");
        for (Map<String, Object> card : cards) {
            String summary = (String) card.get("summary");
            assertTrue(summary.codePointCount(0, summary.length()) < 140, summary);
            assertTrue(card.get("uuid").toString().matches("[0-9a-f-]{36}"));
            assertEquals("Mesoscreen contraindication screening", ((Map<?, ?>) card.get("source")).get("label"));
        }
        return cards;
    }

    static Map<String, Object> card(List<Map<String, Object>> cards, String topic) {
        return cards.stream().filter(c -> topic.equals(((Map<?, ?>) ((Map<?, ?>) c.get("source")).get("topic")).get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + topic + " card in " + cards));
    }

    static List<String> indicators(List<Map<String, Object>> cards) {
        return cards.stream().map(c -> (String) c.get("indicator")).toList();
    }

    @Test
    void discoveryListsEachServiceWithItsPrefetch() {
        given().get("/cds-services").then().statusCode(200)
                .body("services.id", hasItems("mesoscreen-appointment-book", "mesoscreen-order-select", "mesoscreen-order-sign"))
                .body("services.find { it.id == 'mesoscreen-appointment-book' }.hook", equalTo("appointment-book"))
                .body("services.find { it.id == 'mesoscreen-order-select' }.hook", equalTo("order-select"))
                .body("services[0].prefetch.patient", equalTo("Patient/{{context.patientId}}"))
                .body("services[0].prefetch.pregnancyStatus", org.hamcrest.Matchers.containsString("82810-3"));
    }

    @Test
    void pregnantPatientIsDeferredOnACriticalCard() {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("pregnancyStatus", Fhir.bundle(Fhir.pregnancy("LA15173-0", "Pregnant")))), null));
        Map<String, Object> deferral = card(cards, "contraindication");
        assertEquals("critical", deferral.get("indicator"));
        assertEquals("Mesotherapy hydralift: defer. Pregnancy", deferral.get("summary"));
        assertTrue(deferral.get("detail").toString().contains("answers.pregnant = yes"), deferral.toString());
        assertFalse(((List<?>) deferral.get("overrideReasons")).isEmpty());
    }

    @Test
    void cardsSpeakTheRequestLanguage() {
        String body = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("pregnancyStatus", Fhir.bundle(Fhir.pregnancy("LA15173-0", "Pregnant")))), null);
        call(SERVICE, body, "ru").statusCode(200).header("Content-Language", "ru")
                .body("cards.summary", hasItem("Мезотерапия «гидролифт»: отложить. Беременность"));
    }

    @Test
    void apixabanCodedInRxNormAndAtcNeedsClearance() {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("medicationRequests", Fhir.bundle(Fhir.medicationRequest("active",
                        "http://www.nlm.nih.gov/research/umls/rxnorm|1364430|apixaban",
                        "http://www.whocc.no/atc|B01AF02|apixaban")))), null));
        Map<String, Object> refer = card(cards, "contraindication");
        assertEquals("warning", refer.get("indicator"));
        assertTrue(refer.get("summary").toString().contains("Blood-thinning medication"), refer.toString());
        assertTrue(refer.get("detail").toString().contains("= anticoagulant"), refer.toString());
        assertFalse(indicators(cards).contains("critical"), cards.toString());
    }

    @Test
    void refutedAllergyToAnIngredientDoesNotCount() {
        String refuted = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("allergies", Fhir.bundle(Fhir.allergy("Hyaluronic acid", "refuted")))), null);
        List<Map<String, Object>> cards = cards(refuted);
        assertFalse(indicators(cards).contains("critical"), cards.toString());
        assertTrue(cards.stream().noneMatch(c -> c.get("summary").toString().contains("Intolerance")), cards.toString());

        // The same allergy confirmed rules the product out.
        List<Map<String, Object>> confirmed = cards(refuted.replace("\"refuted\"", "\"confirmed\""));
        Map<String, Object> ruledOut = card(confirmed, "contraindication");
        assertEquals("critical", ruledOut.get("indicator"));
        assertTrue(ruledOut.get("summary").toString().startsWith("Mesotherapy hydralift: not eligible."), ruledOut.toString());
    }

    @Test
    void resolvedConditionDoesNotCount() {
        String resolved = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("conditions", Fhir.bundle(Fhir.condition("90935002", "Hemophilia", "resolved", "confirmed")))), null);
        List<Map<String, Object>> cards = cards(resolved);
        assertTrue(cards.stream().noneMatch(c -> c.get("summary").toString().contains("Bleeding")), cards.toString());

        List<Map<String, Object>> active = cards(resolved.replace("\"resolved\"", "\"active\""));
        Map<String, Object> bleeding = card(active, "contraindication");
        assertEquals("critical", bleeding.get("indicator"));
        assertTrue(bleeding.get("summary").toString().contains("Bleeding or clotting disorder"), bleeding.toString());
    }

    @Test
    void malePatientWithNothingOnFileIsAskedWhatTheChartCannotTell() {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_MALE,
                Map.of()), null));
        assertFalse(indicators(cards).contains("critical"), cards.toString());
        Map<String, Object> missing = card(cards, "missing-answers");
        assertEquals("warning", missing.get("indicator"));
        assertTrue(missing.get("summary").toString().matches("Mesotherapy hydralift: \\d+ questions for the patient before a verdict"),
                missing.toString());
        String detail = missing.get("detail").toString();
        assertTrue(detail.contains("`bleedingDisorder`"), detail);
        assertFalse(detail.contains("`pregnant`"), "a man is not asked about pregnancy: " + detail);
        List<?> links = (List<?>) missing.get("links");
        assertEquals(url("/fhir/Questionnaire/mesoscreen-intake-hydralift"), ((Map<?, ?>) links.get(0)).get("url"));
        assertEquals("absolute", ((Map<?, ?>) links.get(0)).get("type"));
        given().get(((Map<?, ?>) links.get(0)).get("url").toString()).then().statusCode(200)
                .body("resourceType", equalTo("Questionnaire"));
    }

    @Test
    void unmappableOrderGetsACardNotAnError() {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_MALE, Map.of()), null)
                .replace(Fhir.PROCEDURE_SYSTEM, "http://snomed.info/sct").replace("\"hydralift\"", "\"1234567\""));
        assertEquals(1, cards.size(), cards.toString());
        assertEquals("info", cards.get(0).get("indicator"));
        assertTrue(cards.get(0).get("summary").toString().startsWith("Not screened"), cards.toString());
    }

    @Test
    void emptyPrefetchIsFetchedFromTheAllowedServerWithTheBearerToken() {
        EhrStub.REQUESTS.clear();
        String body = Fhir.appointmentBook("hydralift", null, "\"fhirServer\": \"" + EhrStub.base() + "/fhir\","
                + " \"fhirAuthorization\": { \"access_token\": \"" + EhrStub.ACCESS_TOKEN + "\", \"token_type\": \"Bearer\","
                + " \"expires_in\": 300, \"scope\": \"user/Patient.read user/Observation.read\", \"subject\": \"cds-service\" }");
        List<Map<String, Object>> cards = cards(body);
        assertEquals("Mesotherapy hydralift: defer. Pregnancy", card(cards, "contraindication").get("summary"));
        assertEquals(6, EhrStub.REQUESTS.size(), EhrStub.REQUESTS.toString());
        assertTrue(EhrStub.REQUESTS.stream().allMatch(r -> r.startsWith("/fhir/") && r.endsWith(" Bearer " + EhrStub.ACCESS_TOKEN)),
                EhrStub.REQUESTS.toString());
        assertTrue(EhrStub.REQUESTS.contains("/fhir/Patient/pat-1 Bearer " + EhrStub.ACCESS_TOKEN), EhrStub.REQUESTS.toString());

        // A wrong token: the server refuses, so the chart cannot be had: 412.
        call(SERVICE, body.replace(EhrStub.ACCESS_TOKEN, "stolen"), "en").statusCode(412)
                .contentType("application/problem+json").body("code", equalTo("prefetch-unavailable"));
    }

    @Test
    void emptyPrefetchAndNoServerIs412() {
        call(SERVICE, Fhir.appointmentBook("hydralift", null, null), "en").statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412)).body("code", equalTo("prefetch-unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("no fhirServer"));
    }

    @Test
    void prefetchTheClientFailedToGetIsNotReadAsEmpty() {
        String failed = "{ \"resourceType\": \"OperationOutcome\", \"issue\": [ { \"severity\": \"error\","
                + " \"code\": \"timeout\" } ] }";
        call(SERVICE, Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE, Map.of("conditions", failed)),
                null), "en").statusCode(412).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("conditions"));
        String paged = Fhir.bundle().replace("\"entry\"", "\"link\": [ { \"relation\": \"next\","
                + " \"url\": \"https://ehr.example/fhir?page=2\" } ], \"entry\"");
        call(SERVICE, Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE, Map.of("allergies", paged)),
                null), "en").statusCode(412).body("detail", org.hamcrest.Matchers.containsString("allergies"));
    }

    /** The fhirServer and fhirAuthorization of a call that may fetch from the EHR stub. */
    static final String FHIR_SERVER = "\"fhirServer\": \"" + EhrStub.base() + "/fhir\", \"fhirAuthorization\": {"
            + " \"access_token\": \"" + EhrStub.ACCESS_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300,"
            + " \"scope\": \"user/Patient.read\", \"subject\": \"cds-service\" }";

    /** Each search key sent as null: the EHR looked and found nothing, so nothing is fetched and nothing is missing. */
    @Test
    void nullPrefetchIsAnEmptyChartAndIsNotFetched() {
        Map<String, String> nothing = new java.util.LinkedHashMap<>();
        for (String key : List.of("conditions", "medicationRequests", "medicationStatements", "allergies", "pregnancyStatus")) {
            nothing.put(key, "null");
        }
        for (String server : java.util.Arrays.asList(null, FHIR_SERVER)) {
            EhrStub.REQUESTS.clear();
            List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift",
                    Fhir.prefetch(Fhir.PATIENT_FEMALE, nothing), server));
            assertTrue(cards.stream().noneMatch(c -> "contraindication".equals(((Map<?, ?>) ((Map<?, ?>) c.get("source"))
                    .get("topic")).get("code"))), cards.toString());
            assertFalse(indicators(cards).contains("critical"), cards.toString());
            // Pregnancy is not on file, so it is asked, not assumed.
            assertTrue(card(cards, "missing-answers").get("detail").toString().contains("`pregnant`"), cards.toString());
            assertEquals(List.of(), EhrStub.REQUESTS, "null is an answer, not a key to fetch");
        }
        // The same chart sent as empty Bundles reads the same.
        assertEquals(topics(cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE, Map.of()), null))),
                topics(cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE, nothing), null))));
    }

    static List<String> topics(List<Map<String, Object>> cards) {
        return cards.stream().map(c -> (String) ((Map<?, ?>) ((Map<?, ?>) c.get("source")).get("topic")).get("code")).toList();
    }

    /** A null Patient: the EHR has no such patient, and nobody can be screened without one; nothing is fetched. */
    @Test
    void nullPatientIs412NamingTheKey() {
        EhrStub.REQUESTS.clear();
        for (String server : java.util.Arrays.asList(null, FHIR_SERVER)) {
            call(SERVICE, Fhir.appointmentBook("hydralift", Fhir.prefetch("null", Map.of()), server), "en")
                    .statusCode(412).contentType("application/problem+json")
                    .body("status", equalTo(412))
                    .body("code", equalTo("prefetch-unavailable"))
                    .body("type", equalTo("urn:mesoscreen:problem:prefetch-unavailable"))
                    .body("path", equalTo("prefetch.patient"))
                    .body("detail", equalTo("prefetch.patient is null: the EHR has no Patient for context.patientId,"
                            + " and a screening needs one"))
                    .body("errors[0].path", equalTo("prefetch.patient"))
                    .body("errors[0].code", equalTo("prefetch-unavailable"));
        }
        assertEquals(List.of(), EhrStub.REQUESTS);
    }

    /** An absent key is one the EHR could not fetch: fetched from fhirServer (only that one), else a 412 naming it. */
    @Test
    void absentKeyIsFetchedOnItsOwnOr412() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode prefetch = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(Fhir.prefetch(Fhir.PATIENT_FEMALE, Map.of("pregnancyStatus", "null")));
        prefetch.remove("conditions");
        EhrStub.REQUESTS.clear();
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", prefetch.toString(), FHIR_SERVER));
        assertFalse(indicators(cards).contains("critical"), cards.toString());
        assertEquals(List.of("/fhir/Condition?patient=pat-1 Bearer " + EhrStub.ACCESS_TOKEN), EhrStub.REQUESTS);

        call(SERVICE, Fhir.appointmentBook("hydralift", prefetch.toString(), null), "en").statusCode(412)
                .contentType("application/problem+json").body("code", equalTo("prefetch-unavailable"))
                .body("detail", equalTo("prefetch conditions missing, and no fhirServer with fhirAuthorization to"
                        + " fetch it from"));
    }

    /**
     * `_include` is beyond the query subset CDS Hooks recommends, so an EHR may leave the Medication out: the
     * reference's display is read, and a reference with nothing readable is shown as unrecognised, never dropped.
     */
    @Test
    void medicationLeftOutOfTheSearchIsReadFromTheReferenceOrShownAsUnrecognised() {
        String byReference = """
                { "resourceType": "MedicationRequest", "id": "medrx-2", "status": "active", "intent": "order",
                  "medicationReference": { "reference": "Medication/med-7"%s },
                  "subject": { "reference": "Patient/pat-1" }, "authoredOn": "2026-06-01" }""";
        String rxnormWarfarin = """
                { "resourceType": "Medication", "id": "med-7",
                  "code": { "coding": [ { "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "11289" } ] } }""";
        String uncoded = "{ \"resourceType\": \"Medication\", \"id\": \"med-7\", \"form\": { \"text\": \"tablet\" } }";
        for (String bundle : List.of(
                Fhir.bundle(byReference.formatted(", \"display\": \"Eliquis 5 mg tablet\"")),
                Fhir.bundle(byReference.formatted(""), rxnormWarfarin),
                Fhir.bundle(byReference.formatted(", \"display\": \"Eliquis 5 mg tablet\""), uncoded))) {
            for (String key : List.of("medicationRequests", "medicationStatements")) {
                String entries = key.equals("medicationRequests") ? bundle : bundle.replace("MedicationRequest", "MedicationStatement")
                        .replace("\"intent\": \"order\",", "").replace("authoredOn", "dateAsserted");
                Map<String, Object> refer = card(cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                        Map.of(key, entries)), null)), "contraindication");
                assertTrue(refer.get("summary").toString().contains("Blood-thinning medication"), entries + refer);
            }
        }
        List<Map<String, Object>> unread = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("medicationRequests", Fhir.bundle(byReference.formatted("")))), null));
        assertTrue(card(unread, "precaution").get("detail").toString().contains("- medications: 'medication not on file'"),
                unread.toString());
    }

    /**
     * The discovery's templates keep to the query subset CDS Hooks recommends (reads; type searches by patient
     * reference, token equality, _count, _sort) but for `_include`, which the service does without.
     */
    @Test
    void prefetchTemplatesKeepToTheRecommendedSubset() {
        Map<String, String> prefetch = given().get("/cds-services").then().statusCode(200).extract().jsonPath()
                .getMap("services[0].prefetch");
        java.util.regex.Pattern read = java.util.regex.Pattern.compile("[A-Z][A-Za-z]+/\\{\\{context\\.patientId}}");
        java.util.regex.Pattern param = java.util.regex.Pattern.compile(
                "patient=\\{\\{context\\.patientId}}|code=([^,|&]+\\|)?[^,:|&]+|_count=\\d+|_sort=-?date"
                        + "|_include=(MedicationRequest|MedicationStatement):medication");
        prefetch.forEach((key, template) -> {
            int query = template.indexOf('?');
            if (query < 0) {
                assertTrue(read.matcher(template).matches(), key + ": " + template);
                return;
            }
            assertTrue(template.substring(0, query).matches("[A-Z][A-Za-z]+"), key + ": " + template);
            for (String p : template.substring(query + 1).split("&")) {
                assertTrue(param.matcher(p).matches(), key + ": " + p + " is beyond the recommended subset");
            }
        });
    }

    @Test
    void serverOffTheAllowListIsNotAsked() {
        EhrStub.REQUESTS.clear();
        String body = Fhir.appointmentBook("hydralift", null, "\"fhirServer\": \"" + EhrStub.base() + "/other\","
                + " \"fhirAuthorization\": { \"access_token\": \"" + EhrStub.ACCESS_TOKEN + "\", \"token_type\": \"Bearer\" }");
        call(SERVICE, body, "en").statusCode(412).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("allow-list"));
        assertEquals(List.of(), EhrStub.REQUESTS);
    }

    @Test
    void unknownServiceAndMalformedRequestsAreProblems() {
        call("no-such-service", "{}", "en").statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not-found"));
        call(SERVICE, "{ \"hook\": \"appointment-book\", ", "en").statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid-request"));
        call(SERVICE, Fhir.appointmentBook("hydralift", null, "\"surprise\": 1"), "en").statusCode(400)
                .body("path", equalTo("surprise"));
        call(SERVICE, Fhir.appointmentBook("hydralift", Fhir.prefetch("{ \"resourceType\": \"Patient\", \"gendr\": \"male\" }",
                Map.of()), null), "en").statusCode(400).body("path", equalTo("prefetch.patient"));
    }

    /** The body is read once, straight into the request; what that refuses is still named as the strict reading names it. */
    @Test
    void unreadableBodiesAreNamedAsTheStrictReadingNamesThem() {
        String valid = Fhir.appointmentBook("hydralift", null, null);
        for (String body : List.of("[1]", "null", "\"appointment-book\"", "42")) {
            call(SERVICE, body, "en").statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("invalid-request")).body("detail", equalTo("send the request as a JSON object"));
        }
        // A syntax error anywhere wins over an unknown field met before it, as when the whole body was a tree first.
        for (String body : List.of("{ \"surprise\": 1, \"hook\": }", "{ \"hook\": \"a\", \"hook\": \"b\" }",
                valid.replace("\"hookInstance\"", "\"surprise\": 1, \"hookInstance\"") + " x")) {
            call(SERVICE, body, "en").statusCode(400).body("code", equalTo("invalid-request"))
                    .body("detail", equalTo("the body is not well-formed JSON, or has a key twice"));
        }
        call(SERVICE, valid + " {}", "en").statusCode(400).body("detail", equalTo("wrong type or shape here"));
        call(SERVICE, valid.replace("\"hook\": \"appointment-book\"", "\"hook\": {}"), "en").statusCode(400)
                .body("path", equalTo("hook")).body("detail", equalTo("wrong type or shape here"));
        call(SERVICE, valid.replace("\"hookInstance\"", "\"surprise\": 1, \"hookInstance\""), "en").statusCode(400)
                .body("path", equalTo("surprise")).body("detail", org.hamcrest.Matchers.startsWith("unknown field"));
    }

    @Test
    void feedbackIsAcceptedAndKeptNowhere() {
        String feedback = """
                { "feedback": [ { "card": "9368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "overridden",
                                  "overrideReason": { "reason": { "code": "physician-cleared",
                                                                  "system": "urn:mesoscreen:cds-override-reason" },
                                                      "userComment": "cleared by Dr. Lee" },
                                  "outcomeTimestamp": "2026-12-01T10:00:00Z" } ] }""";
        given().header("Authorization", "Bearer " + EhrStub.token(url("/cds-services/" + SERVICE + "/feedback")))
                .contentType(ContentType.JSON).body(feedback).post("/cds-services/" + SERVICE + "/feedback")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + EhrStub.token(url("/cds-services/" + SERVICE + "/feedback")))
                .contentType(ContentType.JSON).body("{ \"feedback\": [ { \"card\": \"x\" } ] }")
                .post("/cds-services/" + SERVICE + "/feedback").then().statusCode(400)
                .contentType("application/problem+json").body("path", equalTo("feedback[0]"));
    }

    @Test
    void capabilityStatementSaysWhatFhirServes() {
        given().get("/fhir/metadata").then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", hasItems("Questionnaire", "CodeSystem", "QuestionnaireResponse"))
                .body("rest[0].resource.find { it.type == 'QuestionnaireResponse' }.operation[0].name", equalTo("screen"))
                .body("rest[0].resource.find { it.type == 'Questionnaire' }.interaction.code", hasItems("read", "search-type"));
        given().get("/fhir/CodeSystem/procedure").then().statusCode(200).body("concept.code", hasItem("hydralift"))
                .body("concept.code", not(hasItem("pregnancy")));
    }

    /** US Core's pregnancy status values (VSAC Pregnancy Status), as EHRs send them: SNOMED CT, not LOINC answers. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "77386006, Pregnant, true", "152231000119106, Pregnancy not yet confirmed, true", "60001007, Not pregnant, false"})
    void usCorePregnancyStatusInSnomedCt(String code, String display, boolean deferred) {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("pregnancyStatus", Fhir.bundle(Fhir.pregnancy("http://snomed.info/sct", code, display,
                        Fhir.TODAY)))), null));
        if (deferred) {
            Map<String, Object> deferral = card(cards, "contraindication");
            assertEquals("critical", deferral.get("indicator"));
            assertEquals("Mesotherapy hydralift: defer. Pregnancy", deferral.get("summary"));
            assertTrue(deferral.get("detail").toString().contains("answers.pregnant = yes"), deferral.toString());
        } else {
            assertFalse(indicators(cards).contains("critical"), cards.toString());
            assertTrue(cards.stream().noneMatch(c -> String.valueOf(c.get("detail")).contains("`pregnant`")),
                    "not pregnant, recorded today, answers the question: " + cards);
        }
    }

    @Test
    void notPregnantInSnomedCtRecordedBeforeTodayIsAskedAgain() {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("pregnancyStatus", Fhir.bundle(Fhir.pregnancy("http://snomed.info/sct", "60001007",
                        "Not pregnant", java.time.LocalDate.parse(Fhir.TODAY).minusDays(3).toString())))), null));
        assertTrue(cards.stream().anyMatch(c -> String.valueOf(c.get("detail")).contains("`pregnant`")), cards.toString());
    }

    /** A Condition whose code no list knows is read by its display, with what the display says about it. */
    @Test
    void conditionKnownOnlyByItsDisplay() {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("conditions", Fhir.bundle(Fhir.condition("999999001", "Chronic kidney disease stage 3",
                        "active", "confirmed")))), null));
        Map<String, Object> ruledOut = card(cards, "contraindication");
        assertEquals("critical", ruledOut.get("indicator"));
        assertTrue(ruledOut.get("summary").toString().startsWith("Mesotherapy hydralift: not eligible."), ruledOut.toString());
        assertTrue(ruledOut.get("detail").toString().contains("chronic-kidney-disease"), ruledOut.toString());

        // A display that says the disease is a relative's fires nothing.
        List<Map<String, Object>> family = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("conditions", Fhir.bundle(Fhir.condition("999999002", "Family history of diabetes mellitus",
                        "active", "confirmed")))), null));
        assertTrue(family.stream().noneMatch(c -> c.get("summary").toString().contains("iabetes")), family.toString());
        assertTrue(family.stream().anyMatch(c -> String.valueOf(c.get("detail")).contains(
                "'Family history of diabetes mellitus' = diabetes (someone-else: 'family history of')")), family.toString());
    }

    /** SNOMED CT problem-list concepts are read as their classes; an unspecified renal failure as the chronic form. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "42399005, Renal failure syndrome, chronic-kidney-disease", "1475003, Herpes labialis, herpes-simplex",
        "195967001, Asthma, allergic-disease", "840539006, COVID-19, acute-infection",
        "152231000119106, Pregnancy not yet confirmed, pregnancy", "9014002, Psoriasis, autoimmune-disease"})
    void snomedProblemListConcepts(String code, String display, String id) {
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("conditions", Fhir.bundle(Fhir.condition(code, display + " (disorder)", "active",
                        "confirmed")))), null));
        assertTrue(cards.stream().anyMatch(c -> String.valueOf(c.get("detail")).contains("snomed " + code + " = " + id)),
                cards.toString());
    }

    /** A finding the EHR records as an Observation is read like a Condition; a lab value no list reads is left alone. */
    @Test
    void findingRecordedAsAnObservationCounts() {
        String fever = """
                { "resourceType": "Observation", "id": "obs-fever", "status": "final",
                  "code": { "coding": [ { "system": "http://snomed.info/sct", "code": "386661006", "display": "Fever" } ] },
                  "subject": { "reference": "Patient/pat-1" }, "effectiveDateTime": "%s" }""".formatted(Fhir.TODAY);
        String glucose = """
                { "resourceType": "Observation", "id": "obs-glucose", "status": "final",
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "2339-0", "display": "Glucose" } ] },
                  "subject": { "reference": "Patient/pat-1" }, "effectiveDateTime": "%s",
                  "valueQuantity": { "value": 5.1, "unit": "mmol/L" } }""".formatted(Fhir.TODAY);
        List<Map<String, Object>> cards = cards(Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_FEMALE,
                Map.of("conditions", Fhir.bundle(fever, glucose))), null));
        Map<String, Object> deferral = card(cards, "contraindication");
        assertEquals("critical", deferral.get("indicator"));
        assertTrue(deferral.get("detail").toString().contains("snomed 386661006 = acute-infection"), deferral.toString());
        assertTrue(cards.stream().noneMatch(c -> String.valueOf(c.get("detail")).contains("2339-0")), cards.toString());
    }
}
