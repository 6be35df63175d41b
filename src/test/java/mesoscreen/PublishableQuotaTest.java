package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A publishable key has its own quota per client address: pages cannot spend the clinic's server-to-server
 * quota, nor one visitor another's. 2 requests a minute, behind this host as the trusted proxy.
 */
@QuarkusTest
@TestProfile(PublishableQuotaTest.Limited.class)
class PublishableQuotaTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path clinics = Files.createTempDirectory("quota-clinics");
                ClinicsTest.writeClinics(clinics);
                return Map.of("mesoscreen.clinics-dir", clinics.toString(),
                        "mesoscreen.api-keys", "clinic-a=" + ClinicsTest.KEY_A,
                        "mesoscreen.publishable-keys", "clinic-a=" + ClinicsTest.PAGE_A,
                        "mesoscreen.rate-limit-per-minute", "2",
                        "mesoscreen.trusted-proxies", "127.0.0.1,::1/128");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int page(String address) {
        return given().header("X-Forwarded-For", address).header("X-API-Key", ClinicsTest.PAGE_A)
                .header("Origin", ClinicsTest.SITE_A).get("/v1/procedures").statusCode();
    }

    private static int server(String address) {
        return given().header("X-Forwarded-For", address).header("X-API-Key", ClinicsTest.KEY_A)
                .get("/v1/procedures").statusCode();
    }

    @Test
    void aPageHasItsOwnQuotaPerVisitor() {
        assertEquals(200, page("198.51.100.1"));
        assertEquals(200, page("198.51.100.1"));
        assertEquals(429, page("198.51.100.1"));
        assertEquals(200, page("198.51.100.2"), "another visitor of the page has a quota of its own");
        assertEquals(200, server("198.51.100.1"), "the clinic's server-to-server quota is untouched");
        assertEquals(200, server("203.0.113.9"));
        assertEquals(429, server("203.0.113.10"), "the clinic's quota is the clinic's, from any address");
        assertEquals(200, page("198.51.100.3"), "and a page's is not the clinic's");
    }
}
