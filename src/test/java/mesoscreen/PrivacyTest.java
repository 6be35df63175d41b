package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing a patient sends appears in any log line, and browsers get the security headers. */
@QuarkusTest
class PrivacyTest {
    /** Values only a patient could have sent; none may reach a log. */
    private static final List<String> MARKERS = List.of("Zqxmedicine", "Zqxallergy", "Zqxcondition", "Q99.7",
            "1977-07-17", "zqxmaybe", "Zqxfhir");

    @Test
    void noPatientDataInAnyLogLine() throws InterruptedException {
        String log;
        try (LogCapture capture = LogCapture.start()) {
            given().contentType(ContentType.JSON).body(Intakes.healthyWoman(34)
                    .with("patient", Map.of("birthDate", "1977-07-17", "sex", "female"))
                    .with("medications", List.of(Map.of("text", "Zqxmedicine 20 mg")))
                    .with("allergies", List.of(Map.of("text", "Zqxallergy")))
                    .with("conditions", List.of(Map.of("text", "Zqxcondition"), Map.of("system", "icd-10", "code", "Q99.7")))
                    .body()).post("/v1/screenings").then().statusCode(200);
            given().contentType(ContentType.JSON).body("{\"answers\": {\"pregnant\": \"zqxmaybe\"}}")
                    .post("/v1/screenings").then().statusCode(400);
            given().contentType(ContentType.JSON).body("{\"medications\": [{\"text\": \"Zqxmedicine\"}], \"answers\": {")
                    .post("/v1/screenings").then().statusCode(400);
            given().contentType("application/fhir+json").urlEncodingEnabled(false)
                    .body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", \"item\": [{\"linkId\":"
                            + " \"medications\", \"answer\": [{\"valueString\": \"Zqxfhir\"}]}, {\"linkId\": \"zzz\"}]}")
                    .post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400);
            given().contentType("application/fhir+json").urlEncodingEnabled(false)
                    .body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"Zqxfhir\"}")
                    .post("/fhir/QuestionnaireResponse/$screen").then().statusCode(400);
            log = capture.await("POST /fhir/QuestionnaireResponse/$screen 400");
        }
        assertTrue(log.contains("POST /v1/screenings 200"), "the access log was captured:\n" + log);
        for (String marker : MARKERS) {
            assertFalse(log.contains(marker), marker + " appears in the log:\n" + log);
        }
    }

    /**
     * The access log has method, route template, status, size, time and request id: no path as sent,
     * no query string, no client address (both off by default).
     */
    @Test
    void theAccessLogKeepsRouteTemplatesNotWhatWasSent() throws InterruptedException {
        List<String> markers = List.of("Zqxpathmarker", "Zqxquerymarker", "Zqxfhirpath", "Zqxrule", "Zqxq2", "Zqxunmatched",
                "Zqxq3", "Zqxhealth", "Zqxadmin");
        String log;
        try (LogCapture capture = LogCapture.start()) {
            given().get("/v1/procedures/Zqxpathmarker").then().statusCode(404);
            given().queryParam("procedure", "Zqxquerymarker").get("/v1/questionnaire").then().statusCode(400);
            given().get("/fhir/Questionnaire/Zqxfhirpath").then().statusCode(404);
            given().urlEncodingEnabled(false).get("/v1/rules/Zqxrule?debug=Zqxq2").then().statusCode(404);
            given().urlEncodingEnabled(false).get("/Zqxunmatched?x=Zqxq3").then().statusCode(404);
            given().get("/q/health/Zqxhealth").then().statusCode(404);
            given().post("/admin/Zqxadmin").then().statusCode(404);
            given().header("X-Request-Id", "req-0042").get("/v1/procedures").then().statusCode(200)
                    .header("X-Request-Id", "req-0042");
            log = capture.await("id=req-0042");
        }
        assertTrue(log.contains("GET /v1/procedures/{id} 404 "), log);
        assertTrue(log.contains("GET /v1/questionnaire 400 "), log);
        assertTrue(log.contains("GET /fhir/Questionnaire/{id} 404 "), log);
        assertTrue(log.contains("GET /v1/procedures 200 "), log);
        assertTrue(log.matches("(?s).*GET /v1/procedures 200 \\d+ B \\d+ ms id=req-0042.*"), log);
        for (String marker : markers) {
            assertFalse(log.contains(marker), marker + " appears in the log:\n" + log);
        }
        for (String line : log.lines().filter(l -> l.contains(" ms id=")).toList()) {
            assertFalse(line.contains("127.0.0.1") || line.contains("client=") || line.contains("?"), line);
        }
        // A request id that is not plain text is replaced, not logged.
        given().header("X-Request-Id", "Zqx id\u00e9").get("/v1/procedures").then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void securityHeadersOnEveryResponse() {
        for (var response : List.of(
                given().contentType(ContentType.JSON).body(Intakes.healthyWoman(34).body()).post("/v1/screenings"),
                given().contentType(ContentType.JSON).body("{").post("/v1/screenings"),
                given().get("/v1/rules"),
                given().get("/fhir/Questionnaire/mesoscreen-intake"),
                given().get("/nothing-here"))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "frame-ancestors 'none'")
                    .header("Referrer-Policy", "no-referrer");
        }
        given().contentType(ContentType.JSON).body(Intakes.healthyWoman(34).body()).post("/v1/screenings").then()
                .header("Cache-Control", "no-store");
    }
}
