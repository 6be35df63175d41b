package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With API keys, a rate limit and a CORS allow-list configured. */
@QuarkusTest
@TestProfile(AccessControlTest.Keys.class)
class AccessControlTest {

    public static class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.api-keys", "clinic-a=key-a-0123456789,clinic-b=key-b-0123456789",
                    "mesoscreen.rate-limit-per-minute", "5",
                    "quarkus.http.cors.origins", "https://clinic.example");
        }
    }

    private static final Object BODY = Intakes.healthyWoman(34).body();

    @Test
    void withoutAKeyTheApiAnswers401() {
        given().contentType(ContentType.JSON).body(BODY).post("/v1/screenings").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("X-API-Key"))
                .body("code", equalTo("unauthorized"))
                .body("detail", equalTo("send your API key in the X-API-Key header"));
        given().header("X-API-Key", "key-a-012345678").get("/v1/rules").then().statusCode(401)
                .body("detail", equalTo("this API key is not valid"));
        given().get("/fhir/Questionnaire/mesoscreen-intake").then().statusCode(401)
                .contentType("application/fhir+json")
                .body("issue[0].details.coding[0].code", equalTo("unauthorized"));
    }

    @Test
    void aValidKeyIsServed() {
        given().header("X-API-Key", "key-a-0123456789").get("/v1/procedures").then().statusCode(200);
    }

    @Test
    void healthAndTheContractStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void eachKeyHasItsRateLimit() {
        for (int i = 0; i < 5; i++) {
            given().header("X-API-Key", "key-b-0123456789").get("/v1/rules").then().statusCode(200);
        }
        given().header("X-API-Key", "key-b-0123456789").get("/v1/rules").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("too-many-requests"));
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        given().header("Origin", "https://clinic.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key")
                .options("/v1/screenings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://clinic.example");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/v1/screenings").then().statusCode(403);
    }
}
