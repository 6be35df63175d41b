package mesoscreen;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The watcher with clinics: an edit of one clinic's overlay is put in force for that clinic alone; a broken
 * one keeps its last good set and its health check DOWN, while the other clinic's edits still load.
 */
@QuarkusTest
@TestProfile(ClinicsWatchTest.Watched.class)
class ClinicsWatchTest {
    static Path clinics;

    public static class Watched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                clinics = Files.createTempDirectory("watched-clinics");
                ClinicsTest.writeClinics(clinics);
                return Map.of("mesoscreen.clinics-dir", clinics.toString(),
                        "mesoscreen.api-keys", "clinic-a=" + ClinicsTest.KEY_A + ",clinic-b=" + ClinicsTest.KEY_B,
                        "mesoscreen.rules-watch-interval", "200ms");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String version(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(Intakes.healthyWoman(30).body())
                .post("/v1/screenings").then().statusCode(200).extract().path("ruleset.version");
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!condition.get()) {
            assertTrue(System.nanoTime() < until, what);
            Thread.sleep(100);
        }
    }

    @Test
    void eachClinicsOverlayIsWatchedOnItsOwn() throws Exception {
        String a = version(ClinicsTest.KEY_A);
        Path clinicB = clinics.resolve("clinic-b/clinic.yaml");
        Files.writeString(clinicB, Files.readString(clinicB).replace("version: \"1\"", "version: \"2\""));
        await(() -> version(ClinicsTest.KEY_B).endsWith("+clinic-b.2"), "clinic B's edit was not put in force");
        assertEquals(a, version(ClinicsTest.KEY_A), "clinic A's set is untouched");

        Path rule = clinics.resolve("clinic-b/checks/isotretinoin.yaml");
        String good = Files.readString(rule);
        Files.writeString(rule, good.replace("months: 12", "monhts: 12"));
        await(() -> given().get("/q/health/well").statusCode() == 503, "the broken overlay was not reported");
        assertEquals("DOWN", given().get("/q/health/well").then().extract()
                .path("checks.find { it.name == 'rules-reload clinic-b' }.status"));
        Path clinicA = clinics.resolve("clinic-a/clinic.yaml");
        Files.writeString(clinicA, Files.readString(clinicA) + "version: \"7\"\n");
        await(() -> version(ClinicsTest.KEY_A).endsWith("+clinic-a.7"), "clinic A was held back by clinic B");
        assertTrue(version(ClinicsTest.KEY_B).endsWith("+clinic-b.2"), "clinic B keeps its last good set");

        Files.writeString(rule, good);
        await(() -> given().get("/q/health/well").statusCode() == 200, "the reverted edit did not bring health back");
        assertNotEquals(a, version(ClinicsTest.KEY_A));
    }
}
