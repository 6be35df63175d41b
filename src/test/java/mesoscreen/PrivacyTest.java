package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;

/** Nothing a patient sends appears in any log line, and browsers get the security headers. */
@QuarkusTest
class PrivacyTest {
    /** Values only a patient could have sent; none may reach a log. */
    private static final List<String> MARKERS = List.of("Zqxmedicine", "Zqxallergy", "Zqxcondition", "Q99.7",
            "1977-07-17", "zqxmaybe", "Zqxfhir");

    @Test
    void noPatientDataInAnyLogLine() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                lines.add(format.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        org.jboss.logmanager.Logger root = LogContext.getLogContext().getLogger("");
        root.addHandler(capture);
        try {
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
        } finally {
            root.removeHandler(capture);
        }
        String log = String.join("", lines);
        assertTrue(log.contains("POST /v1/screenings"), "the access log was captured:\n" + log);
        for (String marker : MARKERS) {
            assertFalse(log.contains(marker), marker + " appears in the log:\n" + log);
        }
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
