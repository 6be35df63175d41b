package mesoscreen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SMART app, launched by an EHR, in headless Chromium against the packaged jar: src/test/forms/smart-launch.mjs
 * goes through each launch against {@link SmartEhrStub} (a JDK HttpServer: SMART configuration, authorisation,
 * token with a PKCE check, FHIR reads with a bearer check, the QuestionnaireResponse create) and checks what the
 * page shows; this class then checks what reached the EHR. Skipped without Chromium, as IntakeFormIT is.
 */
@QuarkusIntegrationTest
@TestProfile(SmartLaunchIT.Ehr.class)
class SmartLaunchIT {
    private static final Path OUT = Path.of("target/smart-launch");
    static final SmartEhrStub EHR = new SmartEhrStub(true);
    /** A FHIR server that is not on the list: nothing may ever reach it. */
    static final SmartEhrStub ELSEWHERE = new SmartEhrStub(false);
    private static JsonNode report;

    /** The app configured, with the stub EHR's FHIR base as the one server a launch may name. */
    public static class Ehr implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.smart.client-id", SmartEhrStub.CLIENT_ID,
                    "mesoscreen.smart.fhir-servers", EHR.fhirBase());
        }
    }

    @TestHTTPResource("/")
    URL base;

    private JsonNode report() throws IOException, InterruptedException {
        if (report == null) {
            NodeScripts.run("smart-launch.mjs", base, OUT, 300, Map.of("EHR", EHR.base(), "ELSEWHERE", ELSEWHERE.base()));
            report = new ObjectMapper().readTree(OUT.resolve("report.json").toFile());
        }
        return report;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"launch", "iss-off-the-list", "tampered-state", "authorisation-refused", "token-refused",
            "expired-token"})
    void scenario(String name) throws Exception {
        NodeScripts.passed(report(), "smart-launch.mjs", name);
    }

    @Test
    void anIssOffTheListIsNeverAskedAnything() throws Exception {
        report();
        assertEquals(List.of(), ELSEWHERE.requests);
    }

    @Test
    void theAuthorisationIsAnEhrLaunchWithPkceForTheScopesOfTheReadsAndTheWriteBack() throws Exception {
        report();
        Map<String, String> launch = EHR.authorizations.stream().filter(a -> "happy".equals(a.get("launch"))).findFirst()
                .orElseThrow();
        assertEquals(EHR.fhirBase(), launch.get("aud"));
        assertEquals("S256", launch.get("code_challenge_method"));
        assertEquals(SmartEhrStub.CLIENT_ID, launch.get("client_id"));
        assertTrue(launch.get("redirect_uri").endsWith("/smart/app"), launch.get("redirect_uri"));
        assertEquals(List.of(SmartEhrStub.GRANTED.split(" ")), List.of(launch.get("scope").split(" ")));
        assertTrue(EHR.tokenRequests.contains("happy pkce-ok"), EHR.tokenRequests.toString());
    }

    @Test
    void theEhrReceivesTheCompletedAnswersWithTheToken() throws Exception {
        report();
        List<JsonNode> created = EHR.created.entrySet().stream().filter(e -> e.getKey().endsWith(" happy"))
                .map(Map.Entry::getValue).toList();
        assertEquals(1, created.size(), EHR.created.keySet().toString());
        JsonNode response = created.get(0);
        assertEquals("QuestionnaireResponse", response.path("resourceType").asText());
        assertEquals("completed", response.path("status").asText());
        assertEquals("Patient/" + SmartEhrStub.PATIENT, response.path("subject").path("reference").asText());
        assertEquals("Practitioner/dr-1", response.path("author").path("reference").asText());
        assertTrue(response.path("questionnaire").asText().endsWith("/Questionnaire/mesoscreen-intake-hydralift"),
                response.path("questionnaire").asText());
        assertEquals("yes", answer(response, "anticoagulants").path("valueCoding").path("code").asText());
        assertEquals("1364430", answer(response, "medications").path("valueCoding").path("code").asText(),
                "the chart's entry keeps its RxNorm coding");
        assertEquals("no", answer(response, "tumor").path("valueCoding").path("code").asText());
    }

    @Test
    void aTamperedStateAsksForNoToken() throws Exception {
        report();
        assertTrue(EHR.tokenRequests.stream().noneMatch(t -> t.startsWith("tamper ")), EHR.tokenRequests.toString());
        assertTrue(EHR.fhirRequests.stream().noneMatch(t -> t.startsWith("tamper ")), EHR.fhirRequests.toString());
    }

    @Test
    void aRefusedAuthorisationOrTokenReadsNothing() throws Exception {
        report();
        assertTrue(EHR.tokenRequests.stream().noneMatch(t -> t.startsWith("deny ")), EHR.tokenRequests.toString());
        assertTrue(EHR.tokenRequests.contains("refuse pkce-ok"), EHR.tokenRequests.toString());
        assertTrue(EHR.fhirRequests.stream().noneMatch(t -> t.startsWith("none ") || t.startsWith("refuse ")
                || t.startsWith("deny ")), EHR.fhirRequests.toString());
    }

    @Test
    void anExpiredTokenStopsAtTheFirstRead() throws Exception {
        report();
        assertEquals(List.of("expired GET Patient/" + SmartEhrStub.PATIENT),
                EHR.fhirRequests.stream().filter(t -> t.startsWith("expired ")).toList());
    }

    /** The first answer of the item {@code linkId}, wherever it is nested. */
    private static JsonNode answer(JsonNode response, String linkId) {
        for (JsonNode item : response.findParents("linkId")) {
            if (linkId.equals(item.path("linkId").asText()) && item.has("answer")) {
                return item.path("answer").path(0);
            }
        }
        throw new AssertionError("no answer to " + linkId + " in " + response.toPrettyString());
    }
}
