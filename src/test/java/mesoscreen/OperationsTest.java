package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request ids, conditional GETs and metrics, as an operator and a browser meet them. */
@QuarkusTest
class OperationsTest {

    @Test
    void aRequestIdSentIsEchoedInTheHeaderAndTheProblem() {
        given().header("X-Request-Id", "clinic-a.4711").contentType(ContentType.JSON)
                .body(Intakes.healthyWoman(34).answer("pregnnat", "no").body())
                .post("/v1/screenings").then().statusCode(400)
                .header("X-Request-Id", "clinic-a.4711")
                .body("code", equalTo("unknown-answer"))
                .body("requestId", equalTo("clinic-a.4711"));
    }

    @Test
    void withoutOneAnIdIsMadeAndAnUnsafeOneIsReplaced() {
        String made = given().contentType(ContentType.JSON).body(Intakes.healthyWoman(34).body())
                .post("/v1/screenings").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", nullValue())
                .extract().header("X-Request-Id");
        String other = given().get("/v1/procedures").then().extract().header("X-Request-Id");
        assertNotEquals(made, other);
        given().header("X-Request-Id", "Jane Doe <script>").get("/v1/rules/no-such-rule").then().statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void catalogueReadsAreTaggedAndRevalidatedWith304() {
        for (String path : List.of("/v1/procedures", "/v1/procedures/hydralift", "/v1/rules", "/v1/rules/pregnancy",
                "/v1/questionnaire?procedure=hydralift", "/fhir/Questionnaire/mesoscreen-intake", "/fhir/CodeSystem/answer")) {
            String etag = given().header("Accept-Language", "ru").get(path).then().statusCode(200)
                    .header("ETag", matchesPattern("\"[0-9a-f]{64}-ru\""))
                    .header("Cache-Control", equalTo("public, max-age=60"))
                    .header("Vary", containsString("Accept-Language"))
                    .extract().header("ETag");
            given().header("Accept-Language", "ru").header("If-None-Match", etag).get(path).then()
                    .statusCode(304).header("ETag", etag).body(equalTo(""));
            given().header("Accept-Language", "tr").header("If-None-Match", etag).get(path).then()
                    .statusCode(200).header("ETag", matchesPattern("\"[0-9a-f]{64}-tr\""));
            given().header("If-None-Match", "W/" + etag + ", \"other\"").header("Accept-Language", "ru").get(path)
                    .then().statusCode(304);
        }
    }

    @Test
    void screeningResultsAreNeverCached() {
        given().contentType(ContentType.JSON).header("If-None-Match", "*").body(Intakes.healthyWoman(34).body())
                .post("/v1/screenings").then().statusCode(200)
                .header("Cache-Control", "no-store").header("ETag", nullValue());
        given().get("/v1/rules/no-such-rule").then().statusCode(404).header("ETag", nullValue());
    }

    @Test
    void metricsCountScreeningsByVerdictRuleAndGapWithoutPatientData() {
        Map<String, Object> intake = Intakes.healthyWoman(34).answer("pregnant", "yes")
                .with("medications", List.of(Map.of("text", "Zzyxolam-Doe 10 mg")))
                .with("conditions", List.of(Map.of("text", "Jane Doe's rash")))
                .body();
        given().contentType(ContentType.JSON).body(intake).post("/v1/screenings").then().statusCode(200)
                .body("eligibility", equalTo("DEFER"));
        String version = Intakes.RULES.version();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mesoscreen_screenings_total{clinic=\"\",eligibility=\"DEFER\",procedure=\"hydralift\",ruleset=\""
                        + version + "\"}"))
                .body(containsString("mesoscreen_rule_hits_total{clinic=\"\",outcome=\"fires\",rule=\"pregnancy\",ruleset=\""
                        + version + "\"}"))
                .body(containsString("mesoscreen_unrecognized_entries_total{list=\"medications\"}"))
                .body(containsString("mesoscreen_unrecognized_entries_total{list=\"conditions\"}"))
                .body(containsString("mesoscreen_rules_reloads_total{result=\"failure\"}"))
                .body(containsString("mesoscreen_screening_seconds_bucket{le="))
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/v1/screenings\""))
                .body(not(containsString("Zzyxolam")))
                .body(not(containsString("Doe")));
    }

    @Test
    void problemsOfTheFhirEndpointsStillCarryTheHeader() {
        given().get("/fhir/Questionnaire/nope").then().statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .contentType(startsWith("application/fhir+json"));
    }
}
