package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With API keys (clinic C holding two while it rotates them), an admin key, a rate limit, a CORS
 * allow-list and this host as the trusted proxy, so that each test speaks from addresses of its own
 * through X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(AccessControlTest.Keys.class)
class AccessControlTest {
    static final String KEY_A = "key-a-0123456789";
    static final String KEY_B = "key-b-0123456789";
    static final String KEY_D = "key-d-0123456789";
    static final String ADMIN = "admin-key-0123456789";

    public static class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.api-keys", "clinic-a=" + KEY_A + ",clinic-b=" + KEY_B
                            + ",clinic-c=key-c-old-0123456789,clinic-c=key-c-new-0123456789,clinic-d=" + KEY_D,
                    "mesoscreen.rate-limit-per-minute", "5",
                    "mesoscreen.admin-key", ADMIN,
                    "mesoscreen.trusted-proxies", "127.0.0.1,::1/128",
                    "mesoscreen.cors.origins", "https://clinic.example");
        }
    }

    private static final Object BODY = Intakes.healthyWoman(34).body();

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    @Test
    void withoutAKeyTheApiAnswers401() {
        from("192.0.2.1").contentType(ContentType.JSON).body(BODY).post("/v1/screenings").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .body("code", equalTo("unauthorized"))
                .body("detail", equalTo("send your API key in the X-API-Key header"));
        from("192.0.2.1").header("X-API-Key", "key-a-012345678").get("/v1/rules").then().statusCode(401)
                .body("detail", equalTo("this API key is not valid"));
    }

    @Test
    void aValidKeyIsServed() {
        from("192.0.2.2").header("X-API-Key", KEY_A).get("/v1/procedures").then().statusCode(200);
    }

    @Test
    void healthAndTheContractStayOpen() {
        given().get("/q/health/ready").then().statusCode(200).body("checks[0].data.version", notNullValue());
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void eachKeyHasItsRateLimit() {
        for (int i = 0; i < 5; i++) {
            from("192.0.2.3").header("X-API-Key", KEY_B).get("/v1/rules").then().statusCode(200);
        }
        from("192.0.2.4").header("X-API-Key", KEY_B).get("/v1/rules").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("too-many-requests"));
    }

    @Test
    void aClinicMayHoldTwoKeysWhileItRotatesThem() {
        from("192.0.2.5").header("X-API-Key", "key-c-old-0123456789").get("/v1/procedures").then().statusCode(200);
        from("192.0.2.5").header("X-API-Key", "key-c-new-0123456789").get("/v1/procedures").then().statusCode(200);
        // One clinic, one quota: the two keys share it.
        for (int i = 0; i < 3; i++) {
            from("192.0.2.5").header("X-API-Key", i % 2 == 0 ? "key-c-old-0123456789" : "key-c-new-0123456789")
                    .get("/v1/procedures").then().statusCode(200);
        }
        from("192.0.2.5").header("X-API-Key", "key-c-new-0123456789").get("/v1/procedures").then().statusCode(429);
    }

    /** Guesses until the first 429; the clinic's own key, from its own address, is served all along. */
    @Test
    void guessingKeysMeets429WhileTheClinicsKeyKeepsWorking() throws InterruptedException {
        String attacker = "203.0.113.66";
        String clinic = "198.51.100.20";
        int tries = 0;
        Response refused = null;
        while (refused == null && tries < 14) {
            tries++;
            Response answer = from(attacker).header("X-API-Key", "guess-" + tries + "-0123456789").get("/v1/rules");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                answer.then().statusCode(401).body("code", equalTo("unauthorized"));
            }
            if (tries % 6 == 0) {
                from(clinic).header("X-API-Key", KEY_A).get("/v1/rules").then().statusCode(200);
            }
        }
        assertTrue(refused != null, "a 429 within 14 guesses");
        assertTrue(tries <= 13, "10 free guesses, then a wait: " + tries);
        int wait = Integer.parseInt(refused.then().contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("code", equalTo("too-many-requests"))
                .body("detail", containsString("too many wrong keys"))
                .extract().header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 5, "the first wait is 5 s: " + wait);
        // While it waits, nothing from that address is even compared, the right key included.
        from(attacker).header("X-API-Key", KEY_A).get("/v1/rules").then().statusCode(429);
        from(clinic).header("X-API-Key", KEY_A).get("/v1/rules").then().statusCode(200);
        // Each further failure doubles the wait.
        Thread.sleep(wait * 1000L + 200);
        from(attacker).header("X-API-Key", "guess-again-0123456789").get("/v1/rules").then().statusCode(401);
        int next = Integer.parseInt(from(attacker).header("X-API-Key", "guess-more-0123456789").get("/v1/rules").then()
                .statusCode(429).extract().header("Retry-After"));
        assertTrue(next > 5 && next <= 10, "the second wait is 10 s: " + next);
    }

    @Test
    void aKeyTriedFromManyAddressesIsHeldBackEverywhere() {
        int tries = 0;
        int status = 401;
        while (status == 401 && tries < 14) {
            tries++;
            status = from("198.51.100." + (100 + tries)).header("X-API-Key", "withdrawn-key-0123456789")
                    .get("/v1/procedures").statusCode();
        }
        assertEquals(429, status);
        assertTrue(tries <= 13, "10 free failures for one key, then a wait: " + tries);
        from("198.51.100.200").header("X-API-Key", KEY_D).get("/v1/procedures").then().statusCode(200);
    }

    @Test
    void theAdminKeyHasASmallerBudgetOfItsOwn() {
        int tries = 0;
        int status = 401;
        while (status == 401 && tries < 8) {
            tries++;
            status = from("203.0.113.77").header("X-Admin-Key", "admin-guess-" + tries).post("/admin/rules/reload")
                    .then().contentType("application/problem+json").extract().statusCode();
        }
        assertEquals(429, status);
        assertTrue(tries <= 6, "3 free failures, then a wait: " + tries);
        from("203.0.113.77").header("X-Admin-Key", ADMIN).post("/admin/rules/reload").then().statusCode(429)
                .header("Retry-After", notNullValue()).body("code", equalTo("too-many-requests"));
        from("198.51.100.30").header("X-Admin-Key", ADMIN).post("/admin/rules/reload").then().statusCode(200);
        // The API's budget is another one: that address is not held back there.
        from("203.0.113.77").header("X-API-Key", KEY_D).get("/v1/procedures").then().statusCode(200);
    }

    /** Without a key, no method and no path tells whether an endpoint exists. */
    @Test
    void identityIsDecidedBeforeTheMethodAndThePath() {
        for (String method : List.of("TRACE", "PUT", "DELETE", "GET", "PATCH", "HEAD")) {
            Response answer = from("192.0.2.40").request(method, "/v1/screenings");
            assertEquals(401, answer.statusCode(), method);
            answer.then().header("WWW-Authenticate", containsString("X-API-Key"));
            if (!method.equals("HEAD")) {
                answer.then().contentType("application/problem+json").body("code", equalTo("unauthorized"));
            }
        }
        for (String path : List.of("/v1/no-such-thing", "//v1/screenings", "/v1/./rules", "/x/../v1/rules", "/V1/rules",
                "/v1;x=1/rules", "/fhir/no-such-thing")) {
            from("192.0.2.40").urlEncodingEnabled(false).get(path).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("X-API-Key"));
        }
        from("192.0.2.41").header("X-API-Key", KEY_D).request("TRACE", "/v1/screenings").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("method-not-allowed"));
    }

    @Test
    void fhirRefusalsCarryFhirIssueCodes() {
        from("192.0.2.50").get("/fhir/Questionnaire/mesoscreen-intake").then().statusCode(401)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("login"))
                .body("issue[0].details.coding[0].code", equalTo("unauthorized"));
        int status = 401;
        for (int tries = 0; status == 401 && tries < 14; tries++) {
            status = from("192.0.2.51").header("X-API-Key", "fhir-guess-" + tries).get("/fhir/CodeSystem/answer")
                    .statusCode();
        }
        from("192.0.2.51").header("X-API-Key", "fhir-guess").get("/fhir/CodeSystem/answer").then().statusCode(429)
                .contentType("application/fhir+json")
                .header("Retry-After", notNullValue())
                .body("issue[0].code", equalTo("throttled"))
                .body("issue[0].details.coding[0].code", equalTo("too-many-requests"));
    }

    @Test
    void populateTakesTheKeyEveryFhirCallTakes() {
        String parameters = PopulateTest.parameters(Fhir.PATIENT_FEMALE);
        from("192.0.2.52").urlEncodingEnabled(false).contentType("application/fhir+json").body(parameters)
                .post("/fhir/Questionnaire/mesoscreen-intake/$populate").then().statusCode(401)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("login"));
        from("192.0.2.53").header("X-API-Key", KEY_A).urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(parameters).post("/fhir/Questionnaire/mesoscreen-intake/$populate").then().statusCode(200)
                .body("parameter[0].resource.resourceType", equalTo("QuestionnaireResponse"));
    }

    @Test
    void corsAllowsOnlyTheConfiguredOriginsAndSaysItVaries() {
        given().header("Origin", "https://clinic.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .options("/v1/screenings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://clinic.example")
                .header("Access-Control-Allow-Headers", containsString("X-API-Key"))
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/v1/screenings").then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", containsString("Origin"))
                .body("code", equalTo("origin-not-allowed"));
        from("192.0.2.60").header("Origin", "https://evil.example").header("X-API-Key", KEY_A).get("/v1/procedures")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("origin-not-allowed"));
        given().header("Origin", "https://clinic.example").header("Access-Control-Request-Method", "DELETE")
                .options("/v1/screenings").then().statusCode(403).body("code", equalTo("method-not-allowed"));
        from("192.0.2.61").header("Origin", "https://clinic.example").header("X-API-Key", KEY_D).get("/v1/procedures")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://clinic.example")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Vary", containsString("Origin"));
        // Answers without an Origin may be cached and shown to a page with one: they vary too.
        for (Response answer : List.of(given().get("/v1/rules"), given().get("/q/health/ready"), given().get("/q/openapi"))) {
            answer.then().header("Vary", containsString("Origin"));
        }
    }

    @Test
    void healthDetailsOnlyWithTheAdminKey() {
        given().get("/q/health/well").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("rules-reload"))
                .body("checks.find { it.data != null }", nullValue());
        given().get("/q/health").then().statusCode(200)
                .body("checks.name", hasItem("rules-reload"))
                .body("checks.find { it.data != null }", nullValue());
        for (String spelling : List.of("/q/health/well/", "/q/health//well", "/q/health/./well")) {
            given().urlEncodingEnabled(false).get(spelling).then().statusCode(200).body("checks.find { it.data != null }", nullValue());
        }
        from("192.0.2.70").header("X-Admin-Key", ADMIN).get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'rules-reload' }.data.inForce", containsString("sha256:"));
        from("192.0.2.71").header("X-Admin-Key", "wrong").get("/q/health/well").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthorized"))
                .body("checks", nullValue());
    }
}
