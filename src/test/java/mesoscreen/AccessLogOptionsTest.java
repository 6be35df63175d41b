package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator who turns on query strings and client addresses in the access log, with a rate limit
 * but no trusted proxy: forwarding headers are then the client's own words and are ignored.
 */
@QuarkusTest
@TestProfile(AccessLogOptionsTest.Options.class)
class AccessLogOptionsTest {

    public static class Options implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mesoscreen.access-log.query", "true",
                    "mesoscreen.access-log.client-address", "true",
                    "mesoscreen.rate-limit-per-minute", "2");
        }
    }

    @Test
    void queryAndClientAddressWhenTurnedOnAndForwardingHeadersIgnoredWithoutATrustedProxy()
            throws InterruptedException {
        String log;
        try (LogCapture capture = LogCapture.start()) {
            given().header("X-Forwarded-For", "203.0.113.1").queryParam("procedure", "hydralift")
                    .get("/v1/questionnaire").then().statusCode(200);
            given().header("Forwarded", "for=203.0.113.2").get("/v1/procedures").then().statusCode(200);
            // Both counted against the connecting address: a third request, whatever it claims, waits.
            given().header("X-Forwarded-For", "203.0.113.3").get("/v1/procedures").then().statusCode(429);
            log = capture.await("GET /v1/procedures 429");
        }
        assertTrue(log.contains("GET /v1/questionnaire 200 "), log);
        assertTrue(log.matches("(?s).* query=procedure=hydralift client=(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1)\\b.*"), log);
        assertFalse(log.contains("203.0.113."), log);
    }
}
