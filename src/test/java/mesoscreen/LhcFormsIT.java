package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The intake Questionnaire in a real third-party renderer: NLM's LHC-Forms (npm {@code lforms}) renders it in headless
 * Chromium, src/test/forms/round-trip.mjs fills it in through the DOM, and the QuestionnaireResponse that LHC-Forms
 * exports must be screened as is. Needs node, /usr/bin/chromium and {@code npm ci} in src/test/forms; skipped without
 * them, except on CI (CI=true), where it always runs.
 */
@QuarkusIntegrationTest
class LhcFormsIT {
    private static final Path OUT = Path.of("target/lhc-forms");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Written once by round-trip.mjs, shared by the tests. */
    private static Path exported;

    @TestHTTPResource("/")
    URL base;

    private Path exportedResponse() throws IOException, InterruptedException {
        if (exported == null) {
            NodeScripts.run("round-trip.mjs", base, OUT, 120);
            Path response = OUT.resolve("questionnaire-response.json");
            assertTrue(Files.isRegularFile(response), "round-trip.mjs wrote no " + response);
            exported = response;
        }
        return exported;
    }

    @Test
    void responseExportedByLhcFormsIsScreenedAsIs() throws Exception {
        given().contentType("application/fhir+json").body(exportedResponse().toFile())
                .urlEncodingEnabled(false).post("/fhir/QuestionnaireResponse/$screen")
                .then().statusCode(200).body("eligibility", equalTo("ELIGIBLE"));
    }

    @Test
    void everyLinkIdInTheExportedResponseIsInTheQuestionnaire() throws Exception {
        JsonNode response = JSON.readTree(exportedResponse().toFile());
        JsonNode questionnaire = JSON.readTree(given().header("Accept-Language", "en")
                .get("/fhir/Questionnaire/mesoscreen-intake-hydralift")
                .then().statusCode(200).extract().asString());

        Set<String> known = new HashSet<>(questionnaire.findValuesAsText("linkId"));
        Set<String> answered = new TreeSet<>(response.findValuesAsText("linkId"));
        assertTrue(answered.contains("patient.age") && answered.contains("pregnant"), "too few answers exported: " + answered);
        answered.removeAll(known);
        assertTrue(answered.isEmpty(), "linkIds in the exported response but not in the Questionnaire: " + answered);
    }
}
