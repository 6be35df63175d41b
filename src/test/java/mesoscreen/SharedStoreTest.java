package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With a real redis-server as the shared store: what goes into it (fingerprints, hashes, address prefixes and
 * counters, each with an expiry), and how the service lives through the store's outage and return.
 * SharedStoreIT shows the same across two replicas.
 */
@QuarkusTest
@TestProfile(SharedStoreTest.Shared.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedStoreTest {
    static final String KEY = "key-shared-0123456789";
    static final String ADMIN = "admin-shared-0123456789";
    private static final String SERVICE = "/cds-services/mesoscreen-appointment-book";
    private static final String CDS_BODY = Fhir.appointmentBook("hydralift", Fhir.prefetch(Fhir.PATIENT_MALE, Map.of()), null);

    public static class Shared implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>(new EhrStub.Profile().getConfigOverrides());
            settings.putAll(Map.of("mesoscreen.api-keys", "clinic-s=" + KEY,
                    "mesoscreen.rate-limit-per-minute", "30",
                    "mesoscreen.admin-key", ADMIN,
                    "mesoscreen.trusted-proxies", "127.0.0.1,::1/128"));
            return settings;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisResource.class));
        }
    }

    private static ValidatableResponse signed(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(CDS_BODY)
                .post(SERVICE).then();
    }

    private static String token() {
        return EhrStub.token(CdsHooksTest.url(SERVICE));
    }

    private static ValidatableResponse screen(String address, String key) {
        return given().header("X-Forwarded-For", address).header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Intakes.healthyWoman(34).body()).post("/v1/screenings").then();
    }

    @Test
    @Order(1)
    void onlyFingerprintsHashesAddressesAndCountersGoIntoTheStore() throws Exception {
        String token = token();
        signed(token).statusCode(200);
        signed(token).statusCode(401).body("detail", containsString("jti has been used before"));
        screen("192.0.2.41", KEY).statusCode(200);
        for (int i = 0; i < 3; i++) {
            screen("192.0.2.42", "guess-" + i + "-0123456789").statusCode(401);
        }
        given().header("X-Forwarded-For", "2001:db8:7:7::9").header("X-Admin-Key", "admin-guess-0123456789")
                .post("/admin/rules/reload").then().statusCode(401);
        List<String> stored = RedisResource.server.everything();
        String all = String.join("\n", stored);
        assertTrue(all.contains("mesoscreen:rate:clinic:"), all);
        assertTrue(all.contains("mesoscreen:fail:api:address:192.0.2.42"), all);
        assertTrue(all.contains("mesoscreen:fail:admin:address:2001:db8:7:7::/64"), all);
        assertTrue(all.contains("mesoscreen:jti:"), all);
        for (String line : stored) {
            long ttl = Long.parseLong(line.replaceFirst(".* ttl=(-?\\d+) .*", "$1"));
            assertTrue(ttl > 0, "every entry expires: " + line);
            assertTrue(line.startsWith("mesoscreen:"), line);
        }
        Matcher jti = Pattern.compile("mesoscreen:jti:([0-9a-f]{64}) ").matcher(all);
        assertTrue(jti.find(), "a token's id is kept as its SHA-256: " + all);
        for (String secret : List.of(KEY, "guess-0", "admin-guess", "clinic-s", EhrStub.ISSUER, "female", "hydralift",
                token.substring(token.length() - 20))) {
            assertFalse(all.contains(secret), secret + " in the store: " + all);
        }
    }

    @Test
    @Order(2)
    void anOutageRefusesSignedCallsAndServesTheRestWithThisReplicasLimits() throws Exception {
        RedisResource.server.stop();
        try {
            given().get("/q/health/ready").then().statusCode(200);
            awaitWellness(503);
            signed(token()).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("temporarily-unavailable"))
                    .body("detail", containsString("replay check"));
            screen("192.0.2.43", KEY).statusCode(200);
            given().header("X-Forwarded-For", "192.0.2.43").header("X-API-Key", "wrong-0123456789")
                    .get("/v1/procedures").then().statusCode(401);
            given().header("X-Admin-Key", ADMIN).get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'shared-store' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'shared-store' }.data.limits", containsString("per replica"));
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'shared-store' }.data", equalTo(null));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("mesoscreen_shared_store_up 0.0"));
        } finally {
            RedisResource.server.resume();
        }
        long back = System.nanoTime();
        while (signed(token()).extract().statusCode() != 200) {
            assertTrue(System.nanoTime() - back < 10_000_000_000L, "signed calls are answered again within 10 s");
            Thread.sleep(500);
        }
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.name", hasItem("shared-store"));
        given().get("/q/metrics").then().body(containsString("mesoscreen_shared_store_up 1.0"));
        assertEquals(200, screen("192.0.2.44", KEY).extract().statusCode());
    }

    private static void awaitWellness(int status) throws InterruptedException {
        long start = System.nanoTime();
        while (given().get("/q/health/well").statusCode() != status) {
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "the outage shows in /q/health/well within 10 s");
            Thread.sleep(100);
        }
    }
}
